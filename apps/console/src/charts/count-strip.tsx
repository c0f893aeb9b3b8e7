import { linearScale, px } from './scale';

/** Height of the strip {@link countStrip} draws under a plot. */
export const COUNT_STRIP = 34;

/** Bars of each category's count of `unit`s under a plot (the number too when there is room). */
export function countStrip(
  counts: readonly (number | null)[],
  x: (i: number) => number,
  top: number,
  categories: readonly string[],
  unit = 'rating',
) {
  const max = Math.max(1, ...counts.map((c) => c ?? 0));
  const barHeight = linearScale([0, max], [0, COUNT_STRIP - 14]);
  const step = categories.length > 1 ? Math.abs(x(1) - x(0)) : 24;
  const barWidth = Math.max(2, Math.min(18, step * 0.6));
  return (
    <g class="counts">
      {counts.map((c, i) =>
        c ? (
          <g>
            <rect
              x={px(x(i) - barWidth / 2)}
              y={px(top + COUNT_STRIP - 12 - barHeight(c))}
              width={px(barWidth)}
              height={px(barHeight(c))}
            >
              <title>{`${categories[i]}: ${c} ${unit}${c === 1 ? '' : 's'}`}</title>
            </rect>
            {step >= 16 ? (
              <text x={px(x(i))} y={top + COUNT_STRIP - 1} text-anchor="middle">
                {String(c)}
              </text>
            ) : null}
          </g>
        ) : null,
      )}
    </g>
  );
}
