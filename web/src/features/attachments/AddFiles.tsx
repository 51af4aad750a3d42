import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_LOG,
  MAX_IMAGE_EDGE_PX,
} from '@dml/shared/api/attachments';
import type { ChangeEvent } from 'react';
import { formatBytes } from '../../lib/format.ts';
import { ACCEPT_CAMERA, ACCEPT_FILES } from './prepare.ts';

/** The gallery and camera pickers, off once the log holds as many files as it may (`room` left). */
export const AddFiles = ({
  room,
  onPick,
}: {
  room: number;
  onPick: (event: ChangeEvent<HTMLInputElement>) => void;
}) => (
  <div className="attach">
    <div className="attach__buttons">
      <label className={`button button--primary attach__pick${room <= 0 ? ' attach__pick--off' : ''}`}>
        Add files
        <input
          type="file"
          className="visually-hidden"
          accept={ACCEPT_FILES}
          multiple
          disabled={room <= 0}
          onChange={onPick}
        />
      </label>
      <label className={`button attach__pick attach__camera${room <= 0 ? ' attach__pick--off' : ''}`}>
        Take a photo
        <input
          type="file"
          className="visually-hidden"
          accept={ACCEPT_CAMERA}
          capture="environment"
          disabled={room <= 0}
          onChange={onPick}
        />
      </label>
    </div>
    <p className="field__hint">
      Photos are shrunk to {MAX_IMAGE_EDGE_PX} px before they are sent. PDF, Word and Excel files up to{' '}
      {formatBytes(MAX_ATTACHMENT_BYTES)}; at most {MAX_ATTACHMENTS_PER_LOG} files a log.
      {room <= 0 ? ' This log is full: remove a file to add another.' : ''}
    </p>
  </div>
);
