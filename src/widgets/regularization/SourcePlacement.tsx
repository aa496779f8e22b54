import { exactError, formatError } from '../../lib/format';
import { SOURCE_L1_ERRORS, SOURCE_PRUNED_ERRORS } from '../../models/regularization/source';
import { meanSd } from '../../models/regularization/summary';
import { MeanSd } from './MeanSd';
import type { Placed, Placement } from '../../models/regularization/placement';
import type { ExperimentSettings } from '../../models/regularization/experiment';
import { describeProtocol } from '../../plots/regularization/labels';

/** A percentile rank as a whole percent; an em dash when there was nothing to compare with. */
const pct = (p: Placed) => (p.percentile === null ? '—' : `${Math.round(p.percentile)}%`);

/**
 * The post's own numbers among ours: for each of its five runs, its L1 total and the share of our
 * L1 runs below it, and its total for the pruned shape and the share of our pruned-shape runs
 * below it, with L1 and with L2. Says which protocol our runs followed.
 */
export function SourcePlacement({ placement, settings }: { placement: Placement; settings: ExperimentSettings }) {
  const pruned = settings.pruned;
  const { l1, prunedL1, prunedL2, counts, protocol } = placement;
  const how = describeProtocol(settings);
  const note =
    protocol === 'published'
      ? `Our runs follow the post’s script as far as it is known: ${how}.`
      : protocol === 'publishedFixed'
        ? `Our runs follow the post’s script with one order for every run: ${how}.`
        : `Our runs do not follow the post’s script (${how}): choose an “as published” protocol above to compare like with like.`;
  return (
    <div class="reg-placement">
      <p class="reg-heading">The post’s numbers among these runs: the share of our runs with a lower error</p>
      <p class="nn-status" data-testid="exp-placement-note">
        {note} The post’s data and split helper were never published, so ours are drawn the way its script draws them. Percentiles over {counts.l1} L1 run{counts.l1 === 1 ? '' : 's'}
        {pruned ? ` and ${counts.prunedL1} and ${counts.prunedL2} runs of the pruned shape` : ''}: with few runs they are coarse.
      </p>
      <div class="nn-table-scroll reg-table-wrap" tabIndex={0} role="region" aria-label="The post’s numbers among ours (table)">
        <table class="nn-table reg-table" data-testid="exp-placement">
          <caption class="visually-hidden">Each of the post’s runs and the share of our runs with a lower total test error</caption>
          <thead>
            <tr>
              <th scope="col">post’s run</th>
              <th scope="col">L1 total</th>
              <th scope="col">our L1 runs below</th>
              {pruned && (
                <>
                  <th scope="col">pruned shape total</th>
                  <th scope="col">ours below, L1</th>
                  <th scope="col">ours below, L2</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {l1.map((p, k) => (
              <tr key={k}>
                <th scope="row">{k + 1}</th>
                <td title={exactError(p.value)}>{formatError(p.value)}</td>
                <td data-testid={`place-l1-${k}`}>{pct(p)}</td>
                {pruned && (
                  <>
                    <td title={exactError(prunedL1[k].value)}>{formatError(prunedL1[k].value)}</td>
                    <td data-testid={`place-pruned-l1-${k}`}>{pct(prunedL1[k])}</td>
                    <td data-testid={`place-pruned-l2-${k}`}>{pct(prunedL2[k])}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">mean ± sd</th>
              <td data-testid="source-l1-mean">
                <MeanSd value={meanSd(SOURCE_L1_ERRORS)} />
              </td>
              <td />
              {pruned && (
                <>
                  <td data-testid="source-pruned-mean">
                    <MeanSd value={meanSd(SOURCE_PRUNED_ERRORS)} />
                  </td>
                  <td />
                  <td />
                </>
              )}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
