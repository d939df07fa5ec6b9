import { useState, type DragEvent } from 'react';

/**
 * One file, chosen with a button or dropped on the area around it: the restore screen's and the
 * open-a-shared-twin screen's picker. `onFile` gets the file (or undefined when none came).
 */
export function FileDrop(props: {
  choose: string;
  drop: string;
  accept: string;
  onFile: (f: File | undefined) => void;
  disabled?: boolean;
  testId?: string;
}) {
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setOver(false);
    props.onFile(e.dataTransfer.files[0]);
  };
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label className="btn primary">
        {props.choose}
        <input
          type="file"
          accept={props.accept}
          className="visually-hidden"
          data-testid={props.testId}
          disabled={props.disabled}
          onChange={(e) => props.onFile(e.target.files?.[0])}
        />
      </label>
      <span className="muted">{props.drop}</span>
    </div>
  );
}
