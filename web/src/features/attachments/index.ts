/** What other features use of attachments: the panel a log's pages show. */
export { AttachmentsPanel } from './AttachmentsPanel.tsx';
