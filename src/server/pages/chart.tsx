// A small bar chart of matches per day, drawn on the server as inline SVG (no script, no asset).

const BAR = { width: 10, gap: 3, height: 28 };

export function PerDayChart(props: { perDay: { day: string; count: number }[]; label: string }) {
  const max = Math.max(1, ...props.perDay.map((point) => point.count));
  const width = props.perDay.length * (BAR.width + BAR.gap);
  const summary = props.perDay.map((point) => `${point.day}: ${point.count}`).join(', ');
  return (
    <svg
      class="perday"
      width={width}
      height={BAR.height}
      viewBox={`0 0 ${width} ${BAR.height}`}
      role="img"
      aria-label={`${props.label}, matches per day: ${summary}`}
    >
      {props.perDay.map((point, i) => {
        // A day with matches shows at least a sliver; an empty day none.
        const height = point.count === 0 ? 0 : Math.max(2, (point.count / max) * BAR.height);
        return (
          <rect
            x={i * (BAR.width + BAR.gap)}
            y={BAR.height - height}
            width={BAR.width}
            height={height}
            fill="#3b6ea5"
          >
            <title>{`${point.day}: ${point.count}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
