import { type FormEvent, type ReactNode, useEffect, useRef } from "react";

/**
 * A question the page asks in its own modal dialog (never the browser's `confirm` or `prompt`):
 * a title, what to know before answering, and two buttons. Escape or Cancel closes it unanswered.
 */
export function ModalDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Return false to keep the dialog open (an answer that is not valid yet). */
  onConfirm: () => boolean | undefined;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (onConfirm() !== false) onClose();
  };
  return (
    <dialog ref={ref} className="modal-dialog" aria-labelledby="modal-dialog-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="modal-dialog-title">{title}</h2>
        {children}
        <div className="toolbar">
          <button type="submit" className="primary">
            {confirmLabel}
          </button>
          <button type="button" onClick={onClose}>
            {cancelLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
