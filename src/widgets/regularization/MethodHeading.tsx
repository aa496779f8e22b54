import type { Method } from '@neural-notes/nn';
import { METHOD_COLORS, METHOD_LABELS } from '../../plots/regularization/labels';

/** A table's column header for one penalty: its colour swatch, then its label (the Experiment's, the sweep's and the SGD step's tables). */
export function MethodHeading({ method }: { method: Method }) {
  return (
    <th scope="col">
      <span class="reg-swatch" style={{ background: METHOD_COLORS[method] }} />
      {METHOD_LABELS[method]}
    </th>
  );
}
