/**
 * Embedded charts as records (SHEETS-FACTS §5): `sheet.newChart()` → builder → `build()` →
 * `sheet.insertChart(chart)`; `getCharts()`, `updateChart(chart.modify()...build())`,
 * `removeChart(chart)`. `setXAxisRange/setYAxisRange` exist only after `asScatterChart()`.
 */
import type { Env } from './env';
import type { FakeRange } from './range';

export const ChartType = {
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  RADAR: 'RADAR',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
} as const;

export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

/** Exporter view of a chart. */
export interface ChartSpec {
  chartId: number | null;
  type: string;
  ranges: FakeRange[];
  position: ChartPosition;
  options: Record<string, unknown>;
}

export function cloneChartSpec(spec: Readonly<ChartSpec>): ChartSpec {
  return {
    ...spec,
    ranges: [...spec.ranges],
    position: { ...spec.position },
    options: { ...spec.options },
  };
}

export class FakeChartOptions {
  constructor(
    private readonly env: Env,
    private readonly options: Readonly<Record<string, unknown>>,
  ) {}
  get(option: string): unknown {
    this.env.hit('ChartOptions.get');
    return option in this.options ? this.options[option] : null;
  }
  getOrDefault(option: string): unknown {
    this.env.hit('ChartOptions.getOrDefault');
    return option in this.options ? this.options[option] : null;
  }
}

export class FakeContainerInfo {
  constructor(
    private readonly env: Env,
    private readonly position: Readonly<ChartPosition>,
  ) {}
  getAnchorRow(): number {
    this.env.hit('ContainerInfo.getAnchorRow');
    return this.position.anchorRow;
  }
  getAnchorColumn(): number {
    this.env.hit('ContainerInfo.getAnchorColumn');
    return this.position.anchorColumn;
  }
  getOffsetX(): number {
    this.env.hit('ContainerInfo.getOffsetX');
    return this.position.offsetX;
  }
  getOffsetY(): number {
    this.env.hit('ContainerInfo.getOffsetY');
    return this.position.offsetY;
  }
}

export class FakeEmbeddedChart {
  constructor(
    private readonly env: Env,
    /** Exporter view (not an Apps Script method). */
    readonly spec: Readonly<ChartSpec>,
  ) {}
  getChartId(): number | null {
    this.env.hit('EmbeddedChart.getChartId');
    return this.spec.chartId;
  }
  getId(): string | null {
    this.env.hit('EmbeddedChart.getId');
    return this.spec.chartId === null ? null : `u${this.spec.chartId}`;
  }
  getRanges(): FakeRange[] {
    this.env.hit('EmbeddedChart.getRanges');
    return [...this.spec.ranges];
  }
  getOptions(): FakeChartOptions {
    this.env.hit('EmbeddedChart.getOptions');
    return new FakeChartOptions(this.env, { ...this.spec.options });
  }
  getContainerInfo(): FakeContainerInfo {
    this.env.hit('EmbeddedChart.getContainerInfo');
    return new FakeContainerInfo(this.env, { ...this.spec.position });
  }
  getType(): string {
    this.env.hit('EmbeddedChart.getType');
    return this.spec.type;
  }
  modify(): FakeEmbeddedChartBuilder {
    this.env.hit('EmbeddedChart.modify');
    return new FakeEmbeddedChartBuilder(this.env, cloneChartSpec(this.spec));
  }
}

const CLASS = 'EmbeddedChartBuilder';

/** One builder class stands for EmbeddedChartBuilder and the typed builders (asBarChart...). */
export class FakeEmbeddedChartBuilder {
  protected spec: ChartSpec;

  constructor(
    protected readonly env: Env,
    spec?: ChartSpec,
  ) {
    this.spec = spec ?? {
      chartId: null,
      type: ChartType.COLUMN,
      ranges: [],
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
      options: {},
    };
  }

  protected option(method: string, key: string, value: unknown): this {
    this.env.hit(`${CLASS}.${method}`);
    this.spec.options[key] = value;
    return this;
  }

  addRange(range: FakeRange): this {
    this.env.hit(`${CLASS}.addRange`);
    this.spec.ranges.push(range);
    return this;
  }
  removeRange(range: FakeRange): this {
    this.env.hit(`${CLASS}.removeRange`);
    this.spec.ranges = this.spec.ranges.filter((r) => r !== range);
    return this;
  }
  clearRanges(): this {
    this.env.hit(`${CLASS}.clearRanges`);
    this.spec.ranges = [];
    return this;
  }
  setChartType(type: string): this {
    this.env.hit(`${CLASS}.setChartType`);
    this.spec.type = String(type);
    return this;
  }
  setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number): this {
    this.env.hit(`${CLASS}.setPosition`);
    this.spec.position = { anchorRow, anchorColumn, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown): this {
    return this.option('setOption', option, value);
  }
  setNumHeaders(headers: number): this {
    return this.option('setNumHeaders', 'numHeaders', headers);
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    return this.option('setTransposeRowsAndColumns', 'transposeRowsAndColumns', transpose);
  }
  setHiddenDimensionStrategy(strategy: unknown): this {
    return this.option('setHiddenDimensionStrategy', 'hiddenDimensionStrategy', strategy);
  }
  setMergeStrategy(strategy: unknown): this {
    return this.option('setMergeStrategy', 'mergeStrategy', strategy);
  }
  getChartType(): string {
    this.env.hit(`${CLASS}.getChartType`);
    return this.spec.type;
  }
  getRanges(): FakeRange[] {
    this.env.hit(`${CLASS}.getRanges`);
    return [...this.spec.ranges];
  }
  getContainer(): FakeContainerInfo {
    this.env.hit(`${CLASS}.getContainer`);
    return new FakeContainerInfo(this.env, { ...this.spec.position });
  }

  private as(method: string, type: string): FakeTypedChartBuilder {
    this.env.hit(`${CLASS}.${method}`);
    return new FakeTypedChartBuilder(this.env, { ...this.spec, type }, type === ChartType.SCATTER);
  }
  asAreaChart(): FakeTypedChartBuilder {
    return this.as('asAreaChart', ChartType.AREA);
  }
  asBarChart(): FakeTypedChartBuilder {
    return this.as('asBarChart', ChartType.BAR);
  }
  asColumnChart(): FakeTypedChartBuilder {
    return this.as('asColumnChart', ChartType.COLUMN);
  }
  asComboChart(): FakeTypedChartBuilder {
    return this.as('asComboChart', ChartType.COMBO);
  }
  asHistogramChart(): FakeTypedChartBuilder {
    return this.as('asHistogramChart', ChartType.HISTOGRAM);
  }
  asLineChart(): FakeTypedChartBuilder {
    return this.as('asLineChart', ChartType.LINE);
  }
  asPieChart(): FakeTypedChartBuilder {
    return this.as('asPieChart', ChartType.PIE);
  }
  asScatterChart(): FakeTypedChartBuilder {
    return this.as('asScatterChart', ChartType.SCATTER);
  }
  asTableChart(): FakeTypedChartBuilder {
    return this.as('asTableChart', ChartType.TABLE);
  }

  build(): FakeEmbeddedChart {
    this.env.hit(`${CLASS}.build`);
    return new FakeEmbeddedChart(this.env, cloneChartSpec(this.spec));
  }
}

/** Typed builders: titles, legend, axes, colours, stacking. Axis ranges only for scatter. */
export class FakeTypedChartBuilder extends FakeEmbeddedChartBuilder {
  constructor(env: Env, spec: ChartSpec, scatter: boolean) {
    super(env, spec);
    if (scatter) {
      Object.assign(this, {
        setXAxisRange: (start: number, end: number) =>
          this.option('setXAxisRange', 'hAxis.viewWindow', { min: start, max: end }),
        setYAxisRange: (start: number, end: number) =>
          this.option('setYAxisRange', 'vAxis.viewWindow', { min: start, max: end }),
      });
    }
  }
  setTitle(title: string): this {
    return this.option('setTitle', 'title', title);
  }
  setTitleTextStyle(style: unknown): this {
    return this.option('setTitleTextStyle', 'titleTextStyle', style);
  }
  setLegendPosition(position: unknown): this {
    return this.option('setLegendPosition', 'legend.position', position);
  }
  setLegendTextStyle(style: unknown): this {
    return this.option('setLegendTextStyle', 'legend.textStyle', style);
  }
  setColors(colors: string[]): this {
    return this.option('setColors', 'colors', [...colors]);
  }
  setStacked(): this {
    return this.option('setStacked', 'isStacked', true);
  }
  setXAxisTitle(title: string): this {
    return this.option('setXAxisTitle', 'hAxis.title', title);
  }
  setYAxisTitle(title: string): this {
    return this.option('setYAxisTitle', 'vAxis.title', title);
  }
  setDimensions(width: number, height: number): this {
    this.option('setDimensions', 'width', width);
    this.spec.options.height = height;
    return this;
  }
  set3D(): this {
    return this.option('set3D', 'is3D', true);
  }
  reverseCategories(): this {
    return this.option('reverseCategories', 'reverseCategories', true);
  }
  setBackgroundColor(color: string): this {
    return this.option('setBackgroundColor', 'backgroundColor', color);
  }
}
