import { Tag, Tooltip } from 'antd';
import { type Schemas } from '../../../api/client';

type Preference = Schemas['Filing.PreferenceView'];

/** The preference conditions (择优, FIL-09) an application meets, in the server's order, each with its basis on hover. */
export function PreferenceTags({ flags }: { flags: Preference[] }) {
  if (flags.length === 0) return <span aria-label="无择优条件">—</span>;
  return (
    <span data-testid="preference-flags">
      {flags.map((f) => (
        <Tooltip key={f.name} title={`依据：${f.basis}`}>
          <Tag color="gold">择优 · {f.name}</Tag>
        </Tooltip>
      ))}
    </span>
  );
}
