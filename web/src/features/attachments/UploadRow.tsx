import { formatBytes } from '../../lib/format.ts';
import { isBusy, type UploadItem } from './uploads.ts';

const sizeText = (item: UploadItem) => {
  if (item.size === null) return formatBytes(item.originalSize);
  if (!item.resized) return formatBytes(item.size);
  const [width, height] = item.resized.to;
  return `${formatBytes(item.originalSize)} → ${formatBytes(item.size)} (${width} × ${height})`;
};

const phaseText = (item: UploadItem) => {
  switch (item.phase) {
    case 'preparing':
      return 'Getting it ready…';
    case 'waiting':
      return 'Waiting to upload';
    case 'requesting':
      return 'Starting the upload…';
    case 'uploading':
      return `Uploading… ${Math.round(item.progress * 100)}%`;
    case 'confirming':
      return 'Checking the file…';
    case 'failed':
      return 'Not uploaded';
    case 'rejected':
      return 'Not added';
  }
};

/** One file on its way: its size (before and after shrinking), progress, and retry or cancel. */
export const UploadRow = ({
  item,
  onRetry,
  onCancel,
}: {
  item: UploadItem;
  onRetry: () => void;
  onCancel: () => void;
}) => {
  const sending = item.phase === 'uploading' || item.phase === 'confirming' || item.phase === 'requesting';
  return (
    <li className={`upload upload--${item.phase}`}>
      <div className="upload__head">
        <span className="upload__name">{item.name}</span>
        <span className="upload__size muted">{sizeText(item)}</span>
      </div>
      {sending && (
        <progress
          className="upload__bar"
          max={100}
          value={Math.round(item.progress * 100)}
          aria-label={`Uploading ${item.name}`}
        />
      )}
      <p className="upload__status">{phaseText(item)}</p>
      {item.error && (
        <p className="field__error" role="alert">
          {item.error}
        </p>
      )}
      <div className="upload__buttons">
        {item.phase === 'failed' && (
          <button type="button" className="button" onClick={onRetry} aria-label={`Retry ${item.name}`}>
            Retry
          </button>
        )}
        <button
          type="button"
          className="button button--link"
          onClick={onCancel}
          aria-label={`${isBusy(item) ? 'Cancel' : 'Dismiss'} ${item.name}`}
        >
          {isBusy(item) ? 'Cancel' : 'Dismiss'}
        </button>
      </div>
    </li>
  );
};
