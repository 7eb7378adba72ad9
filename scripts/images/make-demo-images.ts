/**
 * Draws the demo images that Dispatch's stories reference under `data/images/`.
 *
 * Why this exists: the sample stories are written for this project, and for the two real seed
 * stories we do not have the original photographs. Rather than borrow pictures we have no rights
 * to, the project makes its own: simple scenes drawn from SVG shapes only (no text, because no
 * fonts can be assumed on the machine that runs this), encoded as JPEG with sharp. Every image is
 * listed in the table below together with the alt text that truthfully describes what it shows;
 * the stories copy that alt text, the real pixel size and a credit saying what the image is.
 *
 * The output is deterministic: the same table and the same sharp/libvips build give byte-identical
 * files, so running the script again changes nothing.
 *
 * Run: `npm run images:demo` (or `npx tsx scripts/images/make-demo-images.ts`).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

/** Draws the inner SVG markup of a picture `w` x `h` pixels. */
type Draw = (w: number, h: number) => string;

type DemoImage = {
  /** File name inside data/images/; stories reference it as `images/<file>`. */
  file: string;
  width: number;
  height: number;
  /** What the generated picture actually shows. */
  alt: string;
  draw: Draw;
};

const LEAD = { width: 1280, height: 720 } as const;
const WIDE = { width: 1200, height: 800 } as const;
const PORTRAIT = { width: 800, height: 1000 } as const;

const JPEG_OPTIONS = { quality: 72, mozjpeg: true } as const;

// ---------------------------------------------------------------------------------------------
// Small SVG helpers

/** Rounds to one decimal so the SVG source (and so the output) never depends on float noise. */
const n1 = (v: number): number => Math.round(v * 10) / 10;

const pick = <T>(items: readonly T[], i: number): T => {
  const item = items[i % items.length];
  if (item === undefined) throw new Error("pick: empty list");
  return item;
};

/** A small seeded PRNG (mulberry32): the same seed always gives the same sequence. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rect = (x: number, y: number, w: number, h: number, fill: string, rx = 0, extra = "") =>
  `<rect x="${n1(x)}" y="${n1(y)}" width="${n1(w)}" height="${n1(h)}" rx="${n1(rx)}" fill="${fill}"${extra}/>`;

const circle = (cx: number, cy: number, r: number, fill: string, extra = "") =>
  `<circle cx="${n1(cx)}" cy="${n1(cy)}" r="${n1(r)}" fill="${fill}"${extra}/>`;

const ellipse = (cx: number, cy: number, rx: number, ry: number, fill: string, extra = "") =>
  `<ellipse cx="${n1(cx)}" cy="${n1(cy)}" rx="${n1(rx)}" ry="${n1(ry)}" fill="${fill}"${extra}/>`;

const poly = (points: ReadonlyArray<readonly [number, number]>, fill: string, extra = "") =>
  `<polygon points="${points.map(([x, y]) => `${n1(x)},${n1(y)}`).join(" ")}" fill="${fill}"${extra}/>`;

const path = (d: string, fill: string, extra = "") => `<path d="${d}" fill="${fill}"${extra}/>`;

const stroke = (d: string, color: string, width: number, extra = "") =>
  `<path d="${d}" fill="none" stroke="${color}" stroke-width="${n1(width)}" stroke-linecap="round" stroke-linejoin="round"${extra}/>`;

const line = (x1: number, y1: number, x2: number, y2: number, color: string, width: number) =>
  stroke(`M${n1(x1)} ${n1(y1)}L${n1(x2)} ${n1(y2)}`, color, width);

/** Builds a path `d` from numbers, rounding each one. */
const d = (strings: TemplateStringsArray, ...values: number[]): string =>
  strings.reduce(
    (out, s, i) => out + s + (i < values.length ? String(n1(values[i] ?? 0)) : ""),
    "",
  );

const gradient = (id: string, stops: readonly string[], horizontal = false) =>
  `<defs><linearGradient id="${id}" x1="0" y1="0" x2="${horizontal ? 1 : 0}" y2="${horizontal ? 0 : 1}">${stops
    .map((c, i) => `<stop offset="${n1(i / Math.max(1, stops.length - 1))}" stop-color="${c}"/>`)
    .join("")}</linearGradient></defs>`;

const sky = (w: number, h: number, top: string, bottom: string, id = "sky") =>
  gradient(id, [top, bottom]) + rect(0, 0, w, h, `url(#${id})`);

const teardrop = (x: number, y: number, s: number, fill: string, extra = "") =>
  path(
    d`M${x} ${y - 2 * s}C${x + s} ${y - 0.5 * s} ${x + s} ${y + s} ${x} ${y + s}C${x - s} ${y + s} ${x - s} ${y - 0.5 * s} ${x} ${y - 2 * s}Z`,
    fill,
    extra,
  );

const cloudShape = (cx: number, cy: number, s: number, fill: string) =>
  circle(cx - s * 0.9, cy + s * 0.15, s * 0.55, fill) +
  circle(cx - s * 0.2, cy - s * 0.25, s * 0.75, fill) +
  circle(cx + s * 0.65, cy + s * 0.05, s * 0.6, fill) +
  rect(cx - s * 1.3, cy + s * 0.1, s * 2.5, s * 0.6, fill, s * 0.3);

/** A crescent: a disc with an offset disc cut away (SVG mask). */
const crescent = (id: string, cx: number, cy: number, r: number, fill: string, cut = 0.45) =>
  `<defs><mask id="${id}"><rect x="0" y="0" width="100%" height="100%" fill="#fff"/>${circle(
    cx + r * cut,
    cy - r * cut * 0.5,
    r * 0.95,
    "#000",
  )}</mask></defs>${circle(cx, cy, r, fill, ` mask="url(#${id})"`)}`;

function hexagon(cx: number, cy: number, r: number, fill: string): string {
  const pts: Array<[number, number]> = [];
  for (let k = 0; k < 6; k++) {
    const a = (Math.PI / 3) * k + Math.PI / 6;
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return poly(pts, fill);
}

// ---------------------------------------------------------------------------------------------
// Scenes: each returns a Draw, parameterised by colours so one scene serves several pictures.

type Hills = {
  top: string;
  bottom: string;
  sun?: string;
  sunX?: number;
  sunY?: number;
  hills: readonly string[];
};

function hills(o: Hills): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    if (o.sun) s += circle(w * (o.sunX ?? 0.7), h * (o.sunY ?? 0.3), Math.min(w, h) * 0.12, o.sun);
    o.hills.forEach((color, i) => {
      const y = h * (0.52 + (0.36 * i) / o.hills.length);
      const a = h * 0.07;
      const f = i % 2 === 0 ? 1 : -1;
      s += path(
        d`M0 ${y}C${w * 0.2} ${y - a * f * 2} ${w * 0.45} ${y + a * f} ${w * 0.65} ${y - a * f}S${w * 0.9} ${y + a * 0.5 * f} ${w} ${y - a * 0.5}V${h}H0Z`,
        color,
      );
    });
    return s;
  };
}

type Waves = {
  top: string;
  bottom: string;
  sun?: string;
  horizon: number;
  bands: readonly string[];
  amp: number;
  clouds?: string;
};

function waves(o: Waves): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    if (o.sun) s += circle(w * 0.28, h * o.horizon * 0.55, h * 0.09, o.sun);
    if (o.clouds) {
      s += cloudShape(w * 0.62, h * o.horizon * 0.45, h * 0.11, o.clouds);
      s += cloudShape(w * 0.2, h * o.horizon * 0.35, h * 0.08, o.clouds);
    }
    o.bands.forEach((color, i) => {
      const y = h * (o.horizon + ((1 - o.horizon) * i) / o.bands.length);
      const period = w / (3 + i * 1.5);
      const amp = h * o.amp * (1 + i * 0.5);
      const x0 = -period * ((i * 0.37) % 1);
      let p = d`M${x0} ${y}`;
      for (let x = x0; x < w + period; x += period) {
        p += d`q${period / 4} ${-amp} ${period / 2} 0t${period / 2} 0`;
      }
      p += d`V${h}H${x0}Z`;
      s += path(p, color);
    });
    return s;
  };
}

type Bars = {
  bg: string;
  values: readonly number[];
  colors: readonly string[];
  grid: string;
  axis: string;
};

function bars(o: Bars): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const left = w * 0.1;
    const right = w * 0.92;
    const top = h * 0.12;
    const base = h * 0.86;
    for (let g = 1; g <= 4; g++) {
      const y = base - ((base - top) * g) / 4;
      s += line(left, y, right, y, o.grid, 2);
    }
    const slot = (right - left) / o.values.length;
    const max = Math.max(...o.values);
    o.values.forEach((v, i) => {
      const bh = ((base - top) * v) / max;
      s += rect(left + slot * i + slot * 0.18, base - bh, slot * 0.64, bh, pick(o.colors, i), 6);
    });
    s += line(left, base, right, base, o.axis, 5);
    s += line(left, top, left, base, o.axis, 5);
    return s;
  };
}

type LineChart = {
  bg: string;
  values: readonly number[];
  line: string;
  area: string;
  grid: string;
  axis: string;
};

function lineChart(o: LineChart): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const left = w * 0.1;
    const right = w * 0.92;
    const top = h * 0.1;
    const base = h * 0.86;
    for (let g = 1; g <= 4; g++) {
      const y = base - ((base - top) * g) / 4;
      s += line(left, y, right, y, o.grid, 2);
    }
    const max = Math.max(...o.values);
    const pts = o.values.map(
      (v, i) =>
        [
          left + ((right - left) * i) / (o.values.length - 1),
          base - ((base - top) * v) / max,
        ] as const,
    );
    const pl = pts.map(([x, y], i) => `${i === 0 ? "M" : "L"}${n1(x)} ${n1(y)}`).join("");
    s += path(`${pl}L${n1(right)} ${n1(base)}L${n1(left)} ${n1(base)}Z`, o.area);
    s += stroke(pl, o.line, 8);
    for (const [x, y] of pts) s += circle(x, y, 10, o.line);
    s += line(left, base, right, base, o.axis, 5);
    s += line(left, top, left, base, o.axis, 5);
    return s;
  };
}

type Circles = {
  bg: string;
  /** cx and cy as fractions of width/height, r as a fraction of the shorter side, colour, opacity. */
  items: ReadonlyArray<readonly [number, number, number, string, number]>;
};

function circles(o: Circles): Draw {
  return (w, h) =>
    rect(0, 0, w, h, o.bg) +
    o.items
      .map(([cx, cy, r, c, op]) =>
        circle(w * cx, h * cy, Math.min(w, h) * r, c, ` fill-opacity="${op}"`),
      )
      .join("");
}

type Skyline = {
  top: string;
  bottom: string;
  building: string;
  windows?: string;
  ridge?: string;
  snow?: string;
  moon?: string;
  seed: number;
};

function skyline(o: Skyline): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    if (o.moon) s += circle(w * 0.8, h * 0.18, h * 0.055, o.moon);
    if (o.ridge) {
      const peaks: Array<[number, number]> = [
        [0, h * 0.56],
        [w * 0.14, h * 0.4],
        [w * 0.28, h * 0.47],
        [w * 0.46, h * 0.26],
        [w * 0.6, h * 0.4],
        [w * 0.78, h * 0.31],
        [w, h * 0.5],
        [w, h],
        [0, h],
      ];
      s += poly(peaks, o.ridge);
      if (o.snow) {
        for (const [px, py, k] of [
          [w * 0.46, h * 0.26, 1],
          [w * 0.78, h * 0.31, 0.8],
          [w * 0.14, h * 0.4, 0.6],
        ] as const) {
          s += poly(
            [
              [px, py],
              [px - w * 0.05 * k, py + h * 0.07 * k],
              [px - w * 0.02 * k, py + h * 0.055 * k],
              [px, py + h * 0.075 * k],
              [px + w * 0.025 * k, py + h * 0.055 * k],
              [px + w * 0.045 * k, py + h * 0.065 * k],
            ],
            o.snow,
          );
        }
      }
    }
    const rnd = seeded(o.seed);
    let x = 0;
    while (x < w) {
      const bw = w * (0.035 + rnd() * 0.06);
      const bh = h * (0.14 + rnd() * 0.3);
      s += rect(x, h - bh, bw + 1, bh, o.building);
      if (rnd() > 0.8) s += rect(x + bw * 0.45, h - bh - h * 0.06, bw * 0.1, h * 0.06, o.building);
      if (o.windows) {
        for (let wy = h - bh + h * 0.03; wy < h - h * 0.04; wy += h * 0.045) {
          for (let wx = x + bw * 0.18; wx < x + bw * 0.8; wx += bw * 0.3) {
            if (rnd() > 0.55) s += rect(wx, wy, bw * 0.14, h * 0.02, o.windows);
          }
        }
      }
      x += bw;
    }
    return s;
  };
}

type Leaf = { bg: string; leaf: string; vein: string; angle: number; bg2?: string };

function leaf(o: Leaf): Draw {
  return (w, h) => {
    const cx = w / 2;
    const cy = h / 2;
    const L = Math.min(w, h) * 0.42;
    const B = L * 0.45;
    let s = o.bg2 ? sky(w, h, o.bg, o.bg2) : rect(0, 0, w, h, o.bg);
    s += `<g transform="rotate(${o.angle} ${n1(cx)} ${n1(cy)})">`;
    s += path(
      d`M${cx - L} ${cy}Q${cx - L * 0.2} ${cy - B * 1.6} ${cx + L} ${cy}Q${cx - L * 0.2} ${cy + B * 1.6} ${cx - L} ${cy}Z`,
      o.leaf,
    );
    s += line(cx - L * 1.25, cy + L * 0.05, cx + L * 0.9, cy, o.vein, 7);
    for (let k = 1; k <= 5; k++) {
      const x = cx - L + (2 * L * k) / 6.3;
      const reach = B * 0.62 * (1 - Math.abs(k - 2.5) / 4.5);
      s += line(x, cy, x + L * 0.2, cy - reach, o.vein, 4);
      s += line(x, cy, x + L * 0.2, cy + reach, o.vein, 4);
    }
    return `${s}</g>`;
  };
}

type Book = {
  bg: string;
  cover: string;
  page: string;
  lines: string;
  shadow: string;
  bookmark?: string;
};

function openBook(o: Book): Draw {
  return (w, h) => {
    const cx = w / 2;
    const top = h * 0.2;
    const bottom = h * 0.78;
    const pw = Math.min(w * 0.32, h * 0.55);
    let s = rect(0, 0, w, h, o.bg);
    s += ellipse(cx, bottom + h * 0.08, pw * 1.2, h * 0.05, o.shadow);
    s += rect(cx - pw - 18, top - 4, 2 * pw + 36, bottom - top + 34, o.cover, 14);
    s += path(
      d`M${cx} ${top + 12}Q${cx - pw * 0.5} ${top - 22} ${cx - pw} ${top}V${bottom}Q${cx - pw * 0.5} ${bottom - 20} ${cx} ${bottom + 14}Z`,
      o.page,
    );
    s += path(
      d`M${cx} ${top + 12}Q${cx + pw * 0.5} ${top - 22} ${cx + pw} ${top}V${bottom}Q${cx + pw * 0.5} ${bottom - 20} ${cx} ${bottom + 14}Z`,
      o.page,
    );
    s += line(cx, top + 14, cx, bottom + 12, o.shadow, 3);
    for (let i = 0; i < 8; i++) {
      const y = top + (bottom - top) * (0.14 + i * 0.1);
      const len = pw * (i % 3 === 2 ? 0.5 : 0.72);
      s += rect(cx - pw * 0.86, y, len, 9, o.lines, 4);
      s += rect(cx + pw * 0.14, y, pw * (i % 4 === 1 ? 0.55 : 0.72), 9, o.lines, 4);
    }
    if (o.bookmark)
      s += poly(
        [
          [cx + pw * 0.6, top - 6],
          [cx + pw * 0.7, top - 6],
          [cx + pw * 0.7, top + h * 0.14],
          [cx + pw * 0.65, top + h * 0.11],
          [cx + pw * 0.6, top + h * 0.14],
        ],
        o.bookmark,
      );
    return s;
  };
}

type Bus = {
  top: string;
  bottom: string;
  road: string;
  mark: string;
  body: string;
  stripe: string;
  glass: string;
  wheel: string;
};

function bus(o: Bus): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    s += rect(0, h * 0.7, w, h * 0.3, o.road);
    for (let x = w * 0.02; x < w; x += w * 0.16)
      s += rect(x, h * 0.86, w * 0.08, h * 0.02, o.mark, 4);
    const bx = w * 0.14;
    const by = h * 0.3;
    const bw = w * 0.7;
    const bh = h * 0.38;
    s += rect(bx, by, bw, bh, o.body, 26);
    s += rect(bx, by + bh * 0.62, bw, bh * 0.1, o.stripe);
    for (let i = 0; i < 6; i++)
      s += rect(bx + bw * 0.04 + i * bw * 0.135, by + bh * 0.12, bw * 0.115, bh * 0.36, o.glass, 8);
    s += rect(bx + bw * 0.86, by + bh * 0.12, bw * 0.1, bh * 0.72, o.glass, 8);
    s += circle(bx + bw * 0.985, by + bh * 0.86, h * 0.018, "#fff3b0");
    for (const wx of [bx + bw * 0.2, bx + bw * 0.76]) {
      s += circle(wx, by + bh, h * 0.075, o.wheel) + circle(wx, by + bh, h * 0.03, "#b8bcc4");
    }
    return s;
  };
}

type Rain = {
  top: string;
  bottom: string;
  cloud: string;
  cloud2: string;
  drop: string;
  ground?: string;
};

function rainCloud(o: Rain): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    if (o.ground) s += rect(0, h * 0.88, w, h * 0.12, o.ground);
    s += cloudShape(w * 0.62, h * 0.24, h * 0.16, o.cloud2);
    s += cloudShape(w * 0.42, h * 0.3, h * 0.2, o.cloud);
    for (let row = 0; row < 4; row++) {
      for (let i = 0; i < 9; i++) {
        const x = w * 0.2 + i * w * 0.065 + (row % 2) * w * 0.03;
        const y = h * 0.55 + row * h * 0.09;
        s += teardrop(x, y, h * 0.012, o.drop);
      }
    }
    return s;
  };
}

type Calendar = {
  bg: string;
  page: string;
  header: string;
  cell: string;
  mark: string;
  marks: readonly number[];
  ring: string;
};

function calendar(o: Calendar): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const px = w * 0.22;
    const py = h * 0.1;
    const pw = w * 0.56;
    const ph = h * 0.82;
    s += rect(px + 12, py + 14, pw, ph, "#00000022", 18);
    s += rect(px, py, pw, ph, o.page, 18);
    s += rect(px, py, pw, ph * 0.18, o.header, 18);
    s += rect(px, py + ph * 0.1, pw, ph * 0.08, o.header);
    for (let i = 0; i < 6; i++)
      s += rect(px + pw * (0.12 + i * 0.15), py - h * 0.04, pw * 0.03, h * 0.09, o.ring, 6);
    const gx = px + pw * 0.06;
    const gy = py + ph * 0.24;
    const cw = (pw * 0.88) / 7;
    const ch = (ph * 0.7) / 5;
    for (let r = 0; r < 5; r++) {
      for (let c = 0; c < 7; c++) {
        const idx = r * 7 + c;
        s += rect(
          gx + c * cw + 5,
          gy + r * ch + 5,
          cw - 10,
          ch - 10,
          o.marks.includes(idx) ? o.mark : o.cell,
          8,
        );
      }
    }
    return s;
  };
}

type Peak = {
  top: string;
  bottom: string;
  mountain: string;
  shade: string;
  snow: string;
  foot: string;
};

function snowPeak(o: Peak): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    const px = w * 0.5;
    const py = h * 0.16;
    s += poly(
      [
        [w * 0.05, h],
        [px, py],
        [w * 0.95, h],
      ],
      o.mountain,
    );
    s += poly(
      [
        [px, py],
        [w * 0.95, h],
        [w * 0.56, h],
      ],
      o.shade,
    );
    s += poly(
      [
        [px, py],
        [px - w * 0.09, py + h * 0.17],
        [px - w * 0.05, py + h * 0.14],
        [px - w * 0.02, py + h * 0.2],
        [px + w * 0.02, py + h * 0.14],
        [px + w * 0.06, py + h * 0.19],
        [px + w * 0.085, py + h * 0.17],
      ],
      o.snow,
    );
    s += path(
      d`M0 ${h * 0.8}C${w * 0.25} ${h * 0.7} ${w * 0.4} ${h * 0.86} ${w * 0.6} ${h * 0.8}S${w * 0.9} ${h * 0.72} ${w} ${h * 0.78}V${h}H0Z`,
      o.foot,
    );
    return s;
  };
}

type Tree = {
  top: string;
  bottom: string;
  ground: string;
  trunk: string;
  canopy: readonly string[];
  stake?: string;
};

function tree(o: Tree): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    s += path(d`M0 ${h * 0.72}Q${w * 0.5} ${h * 0.64} ${w} ${h * 0.72}V${h}H0Z`, o.ground);
    const cx = w * 0.5;
    s += rect(cx - w * 0.012, h * 0.42, w * 0.024, h * 0.3, o.trunk, 6);
    if (o.stake)
      s +=
        rect(cx + w * 0.04, h * 0.48, w * 0.008, h * 0.26, o.stake, 3) +
        line(cx, h * 0.56, cx + w * 0.044, h * 0.56, o.stake, 4);
    const blobs: ReadonlyArray<readonly [number, number, number]> = [
      [0, -0.36, 0.13],
      [-0.07, -0.3, 0.1],
      [0.07, -0.3, 0.1],
      [-0.04, -0.44, 0.09],
      [0.05, -0.43, 0.09],
    ];
    blobs.forEach(([dx, dy, r], i) => {
      s += circle(cx + w * dx, h * 0.72 + h * dy, h * r, pick(o.canopy, i));
    });
    return s;
  };
}

type Bowl = {
  bg: string;
  table: string;
  bowl: string;
  rim: string;
  rice: string;
  saffron: string;
  herbs: string;
};

function riceBowl(o: Bowl): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg) + rect(0, h * 0.62, w, h * 0.38, o.table);
    const cx = w * 0.45;
    const cy = h * 0.55;
    const R = h * 0.32;
    s += ellipse(cx, cy + R * 0.92, R * 0.8, R * 0.12, "#00000033");
    s += path(
      d`M${cx - R * 0.9} ${cy - R * 0.05}A${R * 0.9} ${R * 0.6} 0 0 1 ${cx + R * 0.9} ${cy - R * 0.05}Z`,
      o.rice,
    );
    s += ellipse(cx, cy - R * 0.52, R * 0.34, R * 0.1, o.saffron);
    s += path(
      d`M${cx - R} ${cy}Q${cx - R} ${cy + R * 0.9} ${cx} ${cy + R * 0.9}Q${cx + R} ${cy + R * 0.9} ${cx + R} ${cy}Z`,
      o.bowl,
    );
    s += ellipse(cx, cy, R, R * 0.1, o.rim);
    const hx = w * 0.8;
    const hy = h * 0.78;
    s += ellipse(hx, hy, h * 0.13, h * 0.045, o.rim);
    for (let i = 0; i < 7; i++)
      s += circle(
        hx - h * 0.08 + i * h * 0.027,
        hy - h * 0.03 - (i % 2) * h * 0.015,
        h * 0.028,
        o.herbs,
      );
    return s;
  };
}

type Carpet = {
  bg: string;
  border: string;
  field: string;
  medallion: string;
  accent: string;
  fringe: string;
};

function carpet(o: Carpet): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const m = Math.min(w, h) * 0.07;
    const x0 = m * 1.6;
    const y0 = m;
    const cw = w - 2 * x0;
    const ch = h - 2 * y0;
    for (let y = y0 + 6; y < y0 + ch; y += 14) {
      s +=
        line(x0 - m * 0.9, y, x0, y, o.fringe, 4) +
        line(x0 + cw, y, x0 + cw + m * 0.9, y, o.fringe, 4);
    }
    s += rect(x0, y0, cw, ch, o.border);
    const b = Math.min(cw, ch) * 0.12;
    s += rect(x0 + b, y0 + b, cw - 2 * b, ch - 2 * b, o.field);
    const step = b * 0.9;
    for (let x = x0 + step / 2; x < x0 + cw; x += step) {
      for (const y of [y0 + b / 2, y0 + ch - b / 2])
        s += poly(
          [
            [x, y - b * 0.3],
            [x + b * 0.25, y],
            [x, y + b * 0.3],
            [x - b * 0.25, y],
          ],
          o.accent,
        );
    }
    for (let y = y0 + b + step / 2; y < y0 + ch - b; y += step) {
      for (const x of [x0 + b / 2, x0 + cw - b / 2])
        s += poly(
          [
            [x, y - b * 0.3],
            [x + b * 0.25, y],
            [x, y + b * 0.3],
            [x - b * 0.25, y],
          ],
          o.accent,
        );
    }
    const cx = w / 2;
    const cy = h / 2;
    const rx = (cw - 2 * b) * 0.3;
    const ry = (ch - 2 * b) * 0.38;
    s += poly(
      [
        [cx, cy - ry],
        [cx + rx, cy],
        [cx, cy + ry],
        [cx - rx, cy],
      ],
      o.medallion,
    );
    s += poly(
      [
        [cx, cy - ry * 0.6],
        [cx + rx * 0.6, cy],
        [cx, cy + ry * 0.6],
        [cx - rx * 0.6, cy],
      ],
      o.accent,
    );
    s += circle(cx, cy, Math.min(rx, ry) * 0.22, o.border);
    const fx = x0 + b;
    const fy = y0 + b;
    const fw = cw - 2 * b;
    const fh = ch - 2 * b;
    for (const [ax, ay, sx, sy] of [
      [fx, fy, 1, 1],
      [fx + fw, fy, -1, 1],
      [fx, fy + fh, 1, -1],
      [fx + fw, fy + fh, -1, -1],
    ] as const) {
      s += poly(
        [
          [ax, ay],
          [ax + sx * fw * 0.18, ay],
          [ax, ay + sy * fh * 0.26],
        ],
        o.medallion,
      );
    }
    return s;
  };
}

type Towers = {
  top: string;
  bottom: string;
  ground: string;
  wall: string;
  shade: string;
  slot: string;
};

function windcatchers(o: Towers): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom) + rect(0, h * 0.84, w, h * 0.16, o.ground);
    const blocks: ReadonlyArray<readonly [number, number, number]> = [
      [0, 0.3, 0.3],
      [0.28, 0.24, 0.38],
      [0.5, 0.22, 0.28],
      [0.7, 0.3, 0.34],
    ];
    for (const [x, bw, bh] of blocks) {
      s += rect(w * x, h * (0.84 - bh), w * bw, h * bh, o.wall);
      s += rect(w * (x + bw * 0.85), h * (0.84 - bh), w * bw * 0.15, h * bh, o.shade);
    }
    const towers: ReadonlyArray<readonly [number, number, number]> = [
      [0.12, 0.07, 0.34],
      [0.38, 0.09, 0.5],
      [0.8, 0.07, 0.38],
    ];
    for (const [x, tw, th] of towers) {
      const tx = w * x;
      const ty = h * (0.84 - th);
      s += rect(tx, ty, w * tw, h * th, o.wall);
      s += rect(tx + w * tw * 0.8, ty, w * tw * 0.2, h * th, o.shade);
      for (let k = 0; k < 3; k++)
        s += rect(
          tx + w * tw * (0.15 + k * 0.25),
          ty + h * 0.03,
          w * tw * 0.12,
          h * th * 0.3,
          o.slot,
          3,
        );
      s += rect(tx - w * 0.005, ty - h * 0.015, w * tw + w * 0.01, h * 0.02, o.shade);
    }
    s += path(
      d`M${w * 0.55} ${h * 0.62}A${w * 0.07} ${w * 0.07} 0 0 1 ${w * 0.69} ${h * 0.62}Z`,
      o.wall,
    );
    return s;
  };
}

type Pomegranate = {
  top: string;
  bottom: string;
  table: string;
  fruit: string;
  crown: string;
  pith: string;
  seeds: string;
  moon: string;
  star: string;
};

function pomegranateNight(o: Pomegranate): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    const rnd = seeded(11);
    for (let i = 0; i < 40; i++) s += circle(rnd() * w, rnd() * h * 0.5, 1.5 + rnd() * 2.5, o.star);
    s += crescent("moon", w * 0.78, h * 0.2, h * 0.08, o.moon);
    s += rect(0, h * 0.72, w, h * 0.28, o.table);
    const fx = w * 0.36;
    const fy = h * 0.56;
    const R = h * 0.19;
    s += ellipse(fx, fy + R * 0.95, R * 0.9, R * 0.12, "#00000044");
    s += circle(fx, fy, R, o.fruit);
    s += poly(
      [
        [fx - R * 0.2, fy - R * 0.9],
        [fx - R * 0.25, fy - R * 1.25],
        [fx - R * 0.08, fy - R * 1.05],
        [fx, fy - R * 1.3],
        [fx + R * 0.08, fy - R * 1.05],
        [fx + R * 0.25, fy - R * 1.25],
        [fx + R * 0.2, fy - R * 0.9],
      ],
      o.crown,
    );
    const hx = w * 0.62;
    const hy = h * 0.68;
    s += ellipse(hx, hy + R * 0.55, R * 0.9, R * 0.12, "#00000044");
    s += path(d`M${hx - R} ${hy}A${R} ${R * 0.6} 0 0 0 ${hx + R} ${hy}Z`, o.fruit);
    s += ellipse(hx, hy, R, R * 0.32, o.pith);
    const seedRnd = seeded(5);
    for (let i = 0; i < 46; i++) {
      const a = seedRnd() * Math.PI * 2;
      const rr = Math.sqrt(seedRnd()) * 0.85;
      s += circle(hx + Math.cos(a) * R * rr, hy + Math.sin(a) * R * 0.28 * rr, R * 0.055, o.seeds);
    }
    return s;
  };
}

type Tea = {
  bg: string;
  table: string;
  glass: string;
  tea: string;
  saucer: string;
  sugar: string;
  steam: string;
};

function teaGlass(o: Tea): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg) + rect(0, h * 0.68, w, h * 0.32, o.table);
    const cx = w * 0.45;
    const base = h * 0.78;
    const gh = h * 0.42;
    const r = h * 0.11;
    s += ellipse(cx, base + h * 0.02, r * 2.2, h * 0.05, o.saucer);
    const glass = d`M${cx - r * 1.05} ${base - gh}C${cx - r * 1.15} ${base - gh * 0.7} ${cx - r * 0.6} ${base - gh * 0.55} ${cx - r * 0.7} ${base - gh * 0.35}C${cx - r * 0.95} ${base - gh * 0.15} ${cx - r * 0.85} ${base} ${cx - r * 0.8} ${base}H${cx + r * 0.8}C${cx + r * 0.85} ${base} ${cx + r * 0.95} ${base - gh * 0.15} ${cx + r * 0.7} ${base - gh * 0.35}C${cx + r * 0.6} ${base - gh * 0.55} ${cx + r * 1.15} ${base - gh * 0.7} ${cx + r * 1.05} ${base - gh}Z`;
    s += `<defs><clipPath id="glass"><path d="${glass}"/></clipPath></defs>`;
    s += path(glass, o.glass, ' fill-opacity="0.55"');
    s += rect(
      cx - r * 1.3,
      base - gh * 0.82,
      r * 2.6,
      gh * 0.82,
      o.tea,
      0,
      ' clip-path="url(#glass)"',
    );
    s += stroke(glass, o.saucer, 4);
    for (const [x, y] of [
      [cx + r * 1.5, base - h * 0.02],
      [cx + r * 1.85, base - h * 0.015],
      [cx + r * 1.68, base - h * 0.05],
    ] as const) {
      s += rect(x - h * 0.018, y - h * 0.018, h * 0.036, h * 0.036, o.sugar, 3);
    }
    for (const dx of [-0.4, 0.3]) {
      const x = cx + r * dx;
      s += stroke(
        d`M${x} ${base - gh - h * 0.03}c${-r * 0.3} ${-h * 0.05} ${r * 0.3} ${-h * 0.08} 0 ${-h * 0.14}`,
        o.steam,
        6,
        ' stroke-opacity="0.7"',
      );
    }
    return s;
  };
}

type Sprouts = {
  bg: string;
  table: string;
  dish: string;
  rim: string;
  ribbon: string;
  greens: readonly string[];
};

function sprouts(o: Sprouts): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg) + rect(0, h * 0.7, w, h * 0.3, o.table);
    const cx = w / 2;
    const top = h * 0.62;
    const R = h * 0.38;
    const rnd = seeded(3);
    for (let i = 0; i < 70; i++) {
      const x = cx - R * 0.85 + (i * 1.7 * R) / 70 + (rnd() - 0.5) * 10;
      const ht = h * (0.26 + rnd() * 0.22);
      const lean = (rnd() - 0.5) * 60;
      s += stroke(d`M${x} ${top}q${lean * 0.3} ${-ht * 0.5} ${lean} ${-ht}`, pick(o.greens, i), 7);
    }
    s += path(
      d`M${cx - R} ${top}L${cx - R * 0.85} ${top + h * 0.16}H${cx + R * 0.85}L${cx + R} ${top}Z`,
      o.dish,
    );
    s += rect(cx - R * 0.95, top + h * 0.04, R * 1.9, h * 0.04, o.ribbon);
    s += ellipse(cx, top, R, h * 0.025, o.rim);
    return s;
  };
}

type Garden = {
  top: string;
  bottom: string;
  sun?: string;
  grass: string;
  frame: string;
  soil: string;
  plants: readonly string[];
};

function gardenBeds(o: Garden): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    if (o.sun) s += circle(w * 0.8, h * 0.3, h * 0.1, o.sun);
    s += rect(0, h * 0.42, w, h * 0.58, o.grass);
    /** Each bed: top edge (fraction of height), half width and depth (fractions of w / h). */
    const beds: ReadonlyArray<readonly [number, number, number]> = [
      [0.42, 0.2, 0.05],
      [0.56, 0.34, 0.08],
      [0.75, 0.5, 0.11],
    ];
    let bi = 0;
    for (const [y, half, depth] of beds) {
      const cx = w * 0.5;
      const by = h * y;
      const topW = w * half;
      const botW = w * half * 1.12;
      const dh = h * depth;
      s += poly(
        [
          [cx - topW, by],
          [cx + topW, by],
          [cx + botW, by + dh],
          [cx - botW, by + dh],
        ],
        o.soil,
      );
      s += poly(
        [
          [cx - botW, by + dh],
          [cx + botW, by + dh],
          [cx + botW, by + dh + h * 0.03],
          [cx - botW, by + dh + h * 0.03],
        ],
        o.frame,
      );
      const count = 6 + bi * 3;
      for (let i = 0; i < count; i++) {
        const px = cx - topW * 0.9 + (i * topW * 1.8) / (count - 1);
        s += circle(px, by + dh * 0.3, h * (0.018 + bi * 0.01), pick(o.plants, i + bi));
      }
      bi++;
    }
    return s;
  };
}

type Night = {
  top: string;
  bottom: string;
  star: string;
  stars: number;
  meteors: number;
  moon?: string;
  hills?: string;
  seed: number;
};

function nightSky(o: Night): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    s += gradient("trail", ["#ffffff00", "#ffffff"], true);
    const rnd = seeded(o.seed);
    for (let i = 0; i < o.stars; i++)
      s += circle(rnd() * w, rnd() * h * 0.8, 1.2 + rnd() * 2.6, o.star);
    for (let i = 0; i < o.meteors; i++) {
      const x = w * (0.15 + rnd() * 0.6);
      const y = h * (0.1 + rnd() * 0.35);
      const len = w * (0.1 + rnd() * 0.08);
      s += `<g transform="rotate(28 ${n1(x)} ${n1(y)})">${rect(x - len, y - 2, len, 4, "url(#trail)", 2)}</g>`;
    }
    if (o.moon) s += crescent("moon", w * 0.75, h * 0.28, h * 0.12, o.moon, 0.4);
    if (o.hills)
      s += path(
        d`M0 ${h * 0.86}C${w * 0.3} ${h * 0.78} ${w * 0.55} ${h * 0.92} ${w} ${h * 0.82}V${h}H0Z`,
        o.hills,
      );
    return s;
  };
}

type Lock = { bg: string; body: string; shackle: string; keyhole: string; dots: string };

function padlock(o: Lock): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const cx = w * 0.5;
    const bw = h * 0.42;
    const by = h * 0.4;
    s += stroke(
      d`M${cx - bw * 0.3} ${by}V${by - h * 0.1}A${bw * 0.3} ${bw * 0.3} 0 0 1 ${cx + bw * 0.3} ${by - h * 0.1}V${by}`,
      o.shackle,
      h * 0.05,
    );
    s += rect(cx - bw / 2, by, bw, h * 0.34, o.body, 22);
    s += circle(cx, by + h * 0.13, h * 0.035, o.keyhole);
    s += poly(
      [
        [cx - h * 0.018, by + h * 0.14],
        [cx + h * 0.018, by + h * 0.14],
        [cx + h * 0.028, by + h * 0.24],
        [cx - h * 0.028, by + h * 0.24],
      ],
      o.keyhole,
    );
    for (let i = 0; i < 8; i++)
      s += circle(cx - h * 0.35 + i * h * 0.1, h * 0.88, h * 0.022, o.dots);
    return s;
  };
}

type Squares = { bg: string; panel: string; ink: string; seed: number };

function squares(o: Squares): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const N = 25;
    const size = h * 0.8;
    const x0 = (w - size) / 2;
    const y0 = (h - size) / 2;
    s += rect(x0 - 24, y0 - 24, size + 48, size + 48, o.panel, 12);
    const m = size / N;
    const rnd = seeded(o.seed);
    const inFinder = (r: number, c: number) =>
      (r < 8 && c < 8) || (r < 8 && c >= N - 8) || (r >= N - 8 && c < 8);
    for (let r = 0; r < N; r++) {
      for (let c = 0; c < N; c++) {
        if (!inFinder(r, c) && rnd() > 0.5)
          s += rect(x0 + c * m, y0 + r * m, m + 0.5, m + 0.5, o.ink);
      }
    }
    for (const [fr, fc] of [
      [0, 0],
      [0, N - 7],
      [N - 7, 0],
    ] as const) {
      const fx = x0 + fc * m;
      const fy = y0 + fr * m;
      s +=
        rect(fx, fy, 7 * m, 7 * m, o.ink) +
        rect(fx + m, fy + m, 5 * m, 5 * m, o.panel) +
        rect(fx + 2 * m, fy + 2 * m, 3 * m, 3 * m, o.ink);
    }
    return s;
  };
}

type Orbits = {
  bg: string;
  planet: string;
  land: string;
  orbit: string;
  body: string;
  panel: string;
  star: string;
};

function orbits(o: Orbits): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const rnd = seeded(21);
    for (let i = 0; i < 60; i++) s += circle(rnd() * w, rnd() * h, 1 + rnd() * 2, o.star);
    const cx = w / 2;
    const cy = h / 2;
    const R = h * 0.22;
    s += `<defs><clipPath id="planet">${circle(cx, cy, R, "#000")}</clipPath></defs>`;
    s += circle(cx, cy, R, o.planet);
    s += `<g clip-path="url(#planet)">${ellipse(cx - R * 0.35, cy - R * 0.2, R * 0.45, R * 0.3, o.land)}${ellipse(cx + R * 0.4, cy + R * 0.35, R * 0.4, R * 0.25, o.land)}${ellipse(cx + R * 0.2, cy - R * 0.65, R * 0.3, R * 0.15, o.land)}</g>`;
    const rings: ReadonlyArray<readonly [number, number, number]> = [
      [1.9, 0.75, -15],
      [2.5, 0.9, 20],
      [3.0, 1.0, 0],
    ];
    rings.forEach(([rx, ry, rot], i) => {
      s += `<g transform="rotate(${rot} ${n1(cx)} ${n1(cy)})">`;
      s += ellipse(
        cx,
        cy,
        R * rx,
        R * ry,
        "none",
        ` stroke="${o.orbit}" stroke-width="3" stroke-dasharray="12 10"`,
      );
      const a = 0.6 + i * 2.1;
      const sx = cx + Math.cos(a) * R * rx;
      const sy = cy + Math.sin(a) * R * ry;
      s +=
        rect(sx - 9, sy - 9, 18, 18, o.body, 3) +
        rect(sx - 38, sy - 6, 24, 12, o.panel) +
        rect(sx + 14, sy - 6, 24, 12, o.panel);
      s += "</g>";
    });
    return s;
  };
}

type SunOrbit = {
  bg: string;
  sun: string;
  glow: string;
  orbit: string;
  earth: string;
  marker: string;
};

function sunOrbit(o: SunOrbit): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const cx = w / 2;
    const cy = h / 2;
    s += circle(cx, cy, h * 0.16, o.glow) + circle(cx, cy, h * 0.11, o.sun);
    const rx = w * 0.38;
    const ry = h * 0.34;
    s += ellipse(
      cx,
      cy,
      rx,
      ry,
      "none",
      ` stroke="${o.orbit}" stroke-width="4" stroke-dasharray="16 12"`,
    );
    for (const [x, y] of [
      [cx + rx, cy],
      [cx, cy + ry],
      [cx - rx, cy],
      [cx, cy - ry],
    ] as const)
      s += circle(x, y, h * 0.02, o.marker);
    const a = -0.6;
    s += circle(cx + Math.cos(a) * rx, cy + Math.sin(a) * ry, h * 0.05, o.earth);
    return s;
  };
}

type Backup = {
  bg: string;
  phone: string;
  screen: string;
  tiles: readonly string[];
  cloud: string;
  arrow: string;
  drive: string;
};

function phoneCloud(o: Backup): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const px = w * 0.22;
    const py = h * 0.2;
    const pw = h * 0.36;
    const ph = h * 0.68;
    s += rect(px, py, pw, ph, o.phone, 30) + rect(px + 16, py + 40, pw - 32, ph - 80, o.screen, 8);
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 3; c++) {
        const tw = (pw - 32 - 16) / 3;
        s += rect(
          px + 20 + c * (tw + 4),
          py + 48 + r * (tw + 4),
          tw,
          tw,
          pick(o.tiles, r * 3 + c),
          4,
        );
      }
    }
    s += cloudShape(w * 0.72, h * 0.28, h * 0.12, o.cloud);
    s += stroke(
      d`M${px + pw + 20} ${py + ph * 0.3}Q${w * 0.5} ${h * 0.2} ${w * 0.6} ${h * 0.3}`,
      o.arrow,
      8,
      ' stroke-dasharray="18 14"',
    );
    s +=
      rect(w * 0.62, h * 0.62, w * 0.2, h * 0.16, o.drive, 14) +
      circle(w * 0.79, h * 0.7, 8, o.arrow);
    s += stroke(
      d`M${px + pw + 20} ${py + ph * 0.7}L${w * 0.6} ${h * 0.7}`,
      o.arrow,
      8,
      ' stroke-dasharray="18 14"',
    );
    return s;
  };
}

type Drop = { bg: string; bg2: string; drop: string; shine: string; plus?: string };

function droplet(o: Drop): Draw {
  return (w, h) => {
    let s = sky(w, h, o.bg, o.bg2);
    const cx = w * 0.45;
    const cy = h * 0.6;
    s += teardrop(cx, cy, h * 0.19, o.drop);
    s += ellipse(cx - h * 0.07, cy - h * 0.02, h * 0.03, h * 0.06, o.shine, ' fill-opacity="0.6"');
    s +=
      teardrop(w * 0.72, h * 0.72, h * 0.06, o.drop) +
      teardrop(w * 0.24, h * 0.34, h * 0.04, o.drop);
    if (o.plus)
      s +=
        rect(w * 0.76, h * 0.16, h * 0.2, h * 0.06, o.plus, 6) +
        rect(w * 0.76 + h * 0.07, h * 0.09, h * 0.06, h * 0.2, o.plus, 6);
    return s;
  };
}

type Heat = {
  top: string;
  bottom: string;
  sun: string;
  tube: string;
  fill: string;
  tick: string;
  ground: string;
};

function thermometerSun(o: Heat): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom) + rect(0, h * 0.85, w, h * 0.15, o.ground);
    const sx = w * 0.32;
    const sy = h * 0.38;
    for (let k = 0; k < 12; k++) {
      const a = (Math.PI / 6) * k;
      s += line(
        sx + Math.cos(a) * h * 0.19,
        sy + Math.sin(a) * h * 0.19,
        sx + Math.cos(a) * h * 0.27,
        sy + Math.sin(a) * h * 0.27,
        o.sun,
        10,
      );
    }
    s += circle(sx, sy, h * 0.15, o.sun);
    const tx = w * 0.68;
    s += rect(tx - 28, h * 0.1, 56, h * 0.6, o.tube, 28) + circle(tx, h * 0.74, 52, o.tube);
    s += rect(tx - 14, h * 0.2, 28, h * 0.52, o.fill, 14) + circle(tx, h * 0.74, 38, o.fill);
    for (let i = 0; i < 8; i++)
      s += line(tx + 36, h * 0.14 + i * h * 0.065, tx + 60, h * 0.14 + i * h * 0.065, o.tick, 4);
    return s;
  };
}

type Trail = {
  top: string;
  bottom: string;
  field: string;
  field2: string;
  trail: string;
  trees?: string;
  trunk?: string;
};

function windingTrail(o: Trail): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    s += gradient("field", [o.field, o.field2]) + rect(0, h * 0.45, w, h * 0.55, "url(#field)");
    s += path(
      d`M${w * 0.3} ${h}C${w * 0.45} ${h * 0.82} ${w * 0.2} ${h * 0.66} ${w * 0.49} ${h * 0.45}L${w * 0.51} ${h * 0.45}C${w * 0.36} ${h * 0.66} ${w * 0.72} ${h * 0.8} ${w * 0.62} ${h}Z`,
      o.trail,
    );
    if (o.trees && o.trunk) {
      const spots: ReadonlyArray<readonly [number, number, number]> = [
        [0.12, 0.72, 1],
        [0.82, 0.68, 0.9],
        [0.7, 0.52, 0.5],
        [0.3, 0.5, 0.45],
        [0.9, 0.88, 1.3],
      ];
      for (const [x, y, k] of spots) {
        s +=
          rect(w * x - 6 * k, h * y - h * 0.06 * k, 12 * k, h * 0.08 * k, o.trunk) +
          circle(w * x, h * y - h * 0.1 * k, h * 0.07 * k, o.trees);
      }
    }
    return s;
  };
}

type Flask = { bg: string; bench: string; glass: string; liquid: string; bubble: string };

function flask(o: Flask): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg) + rect(0, h * 0.8, w, h * 0.2, o.bench);
    const cx = w * 0.45;
    const shape = d`M${cx - h * 0.05} ${h * 0.16}V${h * 0.36}L${cx - h * 0.27} ${h * 0.78}Q${cx - h * 0.29} ${h * 0.82} ${cx - h * 0.24} ${h * 0.82}H${cx + h * 0.24}Q${cx + h * 0.29} ${h * 0.82} ${cx + h * 0.27} ${h * 0.78}L${cx + h * 0.05} ${h * 0.36}V${h * 0.16}Z`;
    s += `<defs><clipPath id="flask"><path d="${shape}"/></clipPath></defs>`;
    s += path(shape, o.glass, ' fill-opacity="0.5"');
    s += rect(cx - h * 0.3, h * 0.56, h * 0.6, h * 0.3, o.liquid, 0, ' clip-path="url(#flask)"');
    s += stroke(shape, o.bubble, 5);
    for (const [dx, y, r] of [
      [-0.06, 0.48, 0.02],
      [0.03, 0.4, 0.015],
      [-0.01, 0.3, 0.012],
      [0.05, 0.62, 0.018],
      [-0.1, 0.68, 0.014],
    ] as const) {
      s += circle(cx + h * dx, h * y, h * r, "none", ` stroke="${o.bubble}" stroke-width="4"`);
    }
    s +=
      rect(w * 0.72, h * 0.5, h * 0.08, h * 0.3, o.glass, 6, ' fill-opacity="0.7"') +
      rect(w * 0.72, h * 0.64, h * 0.08, h * 0.16, o.liquid, 6);
    return s;
  };
}

type Volcano = { bg: string; table: string; board: string; cone: string; lava: string };

function volcanoModel(o: Volcano): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg) + rect(0, h * 0.74, w, h * 0.26, o.table);
    s += rect(w * 0.2, h * 0.76, w * 0.6, h * 0.06, o.board, 8);
    const cx = w * 0.5;
    s += poly(
      [
        [cx - w * 0.26, h * 0.77],
        [cx - w * 0.06, h * 0.3],
        [cx + w * 0.06, h * 0.3],
        [cx + w * 0.26, h * 0.77],
      ],
      o.cone,
    );
    s += path(
      d`M${cx - w * 0.075} ${h * 0.3}Q${cx} ${h * 0.16} ${cx + w * 0.075} ${h * 0.3}Z`,
      o.lava,
    );
    for (const [dx, len] of [
      [-0.05, 0.16],
      [-0.015, 0.24],
      [0.03, 0.12],
      [0.06, 0.2],
    ] as const) {
      s += rect(cx + w * dx - 10, h * 0.29, 20, h * len, o.lava, 10);
    }
    s += rect(cx - w * 0.075, h * 0.28, w * 0.15, h * 0.04, o.lava, 8);
    for (const [dx, dy] of [
      [-0.1, 0.18],
      [0.09, 0.15],
      [0.02, 0.1],
    ] as const)
      s += circle(cx + w * dx, h * dy, 9, o.lava);
    return s;
  };
}

type Film = {
  top: string;
  bottom: string;
  screen: string;
  picture: readonly string[];
  post: string;
  audience: string;
  star: string;
};

function filmScreen(o: Film): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    const rnd = seeded(8);
    for (let i = 0; i < 50; i++) s += circle(rnd() * w, rnd() * h * 0.3, 1 + rnd() * 2, o.star);
    const sx = w * 0.22;
    const sy = h * 0.12;
    const sw = w * 0.56;
    const sh = h * 0.42;
    s +=
      rect(sx + sw * 0.1, sy + sh, 10, h * 0.3, o.post) +
      rect(sx + sw * 0.9 - 10, sy + sh, 10, h * 0.3, o.post);
    s += rect(sx - 10, sy - 10, sw + 20, sh + 20, o.post) + rect(sx, sy, sw, sh, o.screen);
    s += circle(sx + sw * 0.7, sy + sh * 0.35, sh * 0.13, pick(o.picture, 0));
    s += path(
      d`M${sx} ${sy + sh * 0.75}Q${sx + sw * 0.3} ${sy + sh * 0.5} ${sx + sw * 0.6} ${sy + sh * 0.7}T${sx + sw} ${sy + sh * 0.62}V${sy + sh}H${sx}Z`,
      pick(o.picture, 1),
    );
    for (let row = 0; row < 3; row++) {
      const y = h * (0.8 + row * 0.08);
      const r = h * (0.035 + row * 0.006);
      for (let x = r + row * 20; x < w; x += r * 3.2)
        s +=
          path(d`M${x - r} ${y + r}A${r} ${r * 1.1} 0 0 1 ${x + r} ${y + r}Z`, o.audience) +
          circle(x, y - r * 0.25, r * 0.55, o.audience);
    }
    s += rect(0, h * 0.9, w, h * 0.1, o.audience);
    return s;
  };
}

type Notes = { bg: string; staff: string; note: string; accent: string };

function musicNotes(o: Notes): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const top = h * 0.32;
    const gap = h * 0.06;
    for (let i = 0; i < 5; i++)
      s += line(w * 0.06, top + i * gap, w * 0.94, top + i * gap, o.staff, 4);
    const notes: ReadonlyArray<readonly [number, number]> = [
      [0.18, 3],
      [0.3, 1.5],
      [0.42, 2],
      [0.54, 0.5],
      [0.66, 2.5],
      [0.78, 1],
    ];
    notes.forEach(([x, pos], i) => {
      const nx = w * x;
      const ny = top + pos * gap;
      const color = i % 3 === 1 ? o.accent : o.note;
      s += `<g transform="rotate(-20 ${n1(nx)} ${n1(ny)})">${ellipse(nx, ny, gap * 0.72, gap * 0.5, color)}</g>`;
      s += line(nx + gap * 0.62, ny - 4, nx + gap * 0.62, ny - gap * 3.2, color, 6);
    });
    s += rect(
      w * 0.66 + gap * 0.62 - 3,
      top + 2.5 * gap - gap * 3.2 - 8,
      w * 0.12 + 6,
      16,
      o.note,
      3,
    );
    return s;
  };
}

type Mural = {
  wall: string;
  mortar: string;
  bands: readonly string[];
  sun: string;
  ground: string;
};

function mural(o: Mural): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.wall);
    const bh = h * 0.06;
    const bw = w * 0.1;
    for (let r = 0; r * bh < h; r++) {
      s += line(0, r * bh, w, r * bh, o.mortar, 3);
      for (let x = (r % 2) * bw * 0.5; x < w; x += bw)
        s += line(x, r * bh, x, r * bh + bh, o.mortar, 3);
    }
    o.bands.forEach((c, i) => {
      const x = w * (0.05 + i * 0.14);
      s += poly(
        [
          [x, h * 0.85],
          [x + w * 0.12, h * 0.85],
          [x + w * 0.32, h * 0.12],
          [x + w * 0.2, h * 0.12],
        ],
        c,
        ' fill-opacity="0.92"',
      );
    });
    s += circle(w * 0.82, h * 0.3, h * 0.13, o.sun);
    s += rect(0, h * 0.85, w, h * 0.15, o.ground);
    return s;
  };
}

type MapScene = {
  paper: string;
  edge: string;
  sea: string;
  land: string;
  route: string;
  compass: string;
};

function oldMap(o: MapScene): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.edge) + rect(w * 0.03, h * 0.04, w * 0.94, h * 0.92, o.paper, 6);
    s += path(
      d`M${w * 0.03} ${h * 0.6}C${w * 0.2} ${h * 0.55} ${w * 0.3} ${h * 0.75} ${w * 0.5} ${h * 0.7}S${w * 0.8} ${h * 0.8} ${w * 0.97} ${h * 0.72}V${h * 0.96}H${w * 0.03}Z`,
      o.sea,
      ' fill-opacity="0.7"',
    );
    s += path(
      d`M${w * 0.12} ${h * 0.2}C${w * 0.25} ${h * 0.1} ${w * 0.4} ${h * 0.18} ${w * 0.45} ${h * 0.3}S${w * 0.35} ${h * 0.5} ${w * 0.2} ${h * 0.48}S${w * 0.05} ${h * 0.3} ${w * 0.12} ${h * 0.2}Z`,
      o.land,
      ' fill-opacity="0.8"',
    );
    s += path(
      d`M${w * 0.55} ${h * 0.15}C${w * 0.7} ${h * 0.08} ${w * 0.85} ${h * 0.2} ${w * 0.82} ${h * 0.35}S${w * 0.6} ${h * 0.5} ${w * 0.56} ${h * 0.38}S${w * 0.45} ${h * 0.22} ${w * 0.55} ${h * 0.15}Z`,
      o.land,
      ' fill-opacity="0.8"',
    );
    s += stroke(
      d`M${w * 0.22} ${h * 0.32}C${w * 0.35} ${h * 0.45} ${w * 0.45} ${h * 0.45} ${w * 0.5} ${h * 0.4}S${w * 0.62} ${h * 0.28} ${w * 0.7} ${h * 0.26}`,
      o.route,
      6,
      ' stroke-dasharray="4 16"',
    );
    s += circle(w * 0.22, h * 0.32, 12, o.route) + circle(w * 0.7, h * 0.26, 12, o.route);
    const cx = w * 0.82;
    const cy = h * 0.82;
    const r = h * 0.1;
    s += circle(cx, cy, r * 0.8, "none", ` stroke="${o.compass}" stroke-width="3"`);
    s += poly(
      [
        [cx, cy - r],
        [cx + r * 0.18, cy - r * 0.18],
        [cx + r, cy],
        [cx + r * 0.18, cy + r * 0.18],
        [cx, cy + r],
        [cx - r * 0.18, cy + r * 0.18],
        [cx - r, cy],
        [cx - r * 0.18, cy - r * 0.18],
      ],
      o.compass,
    );
    return s;
  };
}

type River = {
  bank: string;
  bank2: string;
  water: string;
  shine: string;
  reed: string;
  stone: string;
};

function riverBend(o: River): Draw {
  return (w, h) => {
    let s = sky(w, h, o.bank, o.bank2, "banks");
    const course = d`M${-w * 0.05} ${h * 0.2}C${w * 0.3} ${h * 0.1} ${w * 0.35} ${h * 0.75} ${w * 0.6} ${h * 0.7}S${w * 0.85} ${h * 0.3} ${w * 1.05} ${h * 0.45}`;
    s += stroke(course, o.water, h * 0.2);
    s += stroke(course, o.shine, h * 0.03, ' stroke-dasharray="40 60" stroke-opacity="0.6"');
    const rnd = seeded(17);
    for (let i = 0; i < 40; i++) {
      const x = rnd() * w;
      const y = rnd() * h;
      s += line(x, y, x + (rnd() - 0.5) * 10, y - 18 - rnd() * 14, o.reed, 4);
    }
    for (let i = 0; i < 8; i++)
      s += ellipse(rnd() * w, rnd() * h, 14 + rnd() * 10, 9 + rnd() * 6, o.stone);
    return s;
  };
}

type Birds = { top: string; bottom: string; wire: string; bird: string; pole: string };

function birdsOnWire(o: Birds): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    s +=
      rect(w * 0.05, h * 0.2, 18, h * 0.8, o.pole) + rect(w * 0.92, h * 0.2, 18, h * 0.8, o.pole);
    const sag = (x: number, y0: number) => {
      const t = (x - w * 0.05) / (w * 0.87);
      return y0 + h * 0.12 * 4 * t * (1 - t);
    };
    for (const y0 of [h * 0.3, h * 0.42])
      s += stroke(
        d`M${w * 0.05} ${y0}Q${w * 0.485} ${y0 + h * 0.24} ${w * 0.92 + 18} ${y0}`,
        o.wire,
        4,
      );
    const perch: ReadonlyArray<readonly [number, number]> = [
      [0.2, 0.3],
      [0.28, 0.3],
      [0.45, 0.3],
      [0.52, 0.3],
      [0.58, 0.3],
      [0.35, 0.42],
      [0.66, 0.42],
      [0.78, 0.42],
    ];
    perch.forEach(([fx, fy], i) => {
      const x = w * fx;
      const y = sag(x, h * fy) - 4;
      const f = i % 2 === 0 ? 1 : -1;
      s +=
        ellipse(x, y - h * 0.035, h * 0.03, h * 0.04, o.bird) +
        circle(x + f * h * 0.018, y - h * 0.08, h * 0.018, o.bird);
      s += poly(
        [
          [x + f * h * 0.033, y - h * 0.083],
          [x + f * h * 0.05, y - h * 0.078],
          [x + f * h * 0.033, y - h * 0.073],
        ],
        o.bird,
      );
      s += poly(
        [
          [x - f * h * 0.02, y - h * 0.01],
          [x - f * h * 0.04, y + h * 0.04],
          [x - f * h * 0.005, y + h * 0.01],
        ],
        o.bird,
      );
    });
    return s;
  };
}

type Compost = { bg: string; bin: string; layers: readonly string[]; bits: string };

function compostLayers(o: Compost): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const x = w * 0.3;
    const y = h * 0.18;
    const bw = w * 0.4;
    const bh = h * 0.72;
    s += rect(x - 14, y - 14, bw + 28, bh + 28, o.bin, 16);
    const lh = bh / o.layers.length;
    const rnd = seeded(9);
    o.layers.forEach((c, i) => {
      const ly = y + i * lh;
      s += rect(x, ly, bw, lh + 1, c);
      for (let k = 0; k < 6; k++)
        s += ellipse(x + rnd() * bw, ly + rnd() * lh, 6 + rnd() * 8, 3 + rnd() * 4, o.bits);
    });
    s += `<g transform="rotate(-5 ${n1(x)} ${n1(y - 24)})">${rect(x - 24, y - 50, bw + 48, 28, o.bin, 10)}</g>`;
    return s;
  };
}

type Solar = {
  top: string;
  bottom: string;
  sun: string;
  wall: string;
  window: string;
  roof: string;
  panel: string;
  frame: string;
  grass: string;
};

function solarRoof(o: Solar): Draw {
  return (w, h) => {
    let s =
      sky(w, h, o.top, o.bottom) +
      circle(w * 0.15, h * 0.2, h * 0.09, o.sun) +
      rect(0, h * 0.86, w, h * 0.14, o.grass);
    s += rect(w * 0.24, h * 0.55, w * 0.62, h * 0.31, o.wall);
    for (let i = 0; i < 4; i++)
      s += rect(w * (0.29 + i * 0.145), h * 0.63, w * 0.08, h * 0.12, o.window, 4);
    const A: readonly [number, number] = [w * 0.2, h * 0.56];
    const B: readonly [number, number] = [w * 0.9, h * 0.56];
    const C: readonly [number, number] = [w * 0.8, h * 0.26];
    const D: readonly [number, number] = [w * 0.3, h * 0.26];
    s += poly([A, B, C, D], o.roof);
    const at = (u: number, v: number): [number, number] => {
      const bx = A[0] + (B[0] - A[0]) * u;
      const tx = D[0] + (C[0] - D[0]) * u;
      return [bx + (tx - bx) * v, A[1] + (D[1] - A[1]) * v];
    };
    const cols = 6;
    const rows = 2;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const u0 = 0.08 + (c * 0.84) / cols + 0.008;
        const u1 = 0.08 + ((c + 1) * 0.84) / cols - 0.008;
        const v0 = 0.12 + (r * 0.76) / rows + 0.02;
        const v1 = 0.12 + ((r + 1) * 0.76) / rows - 0.02;
        s += poly(
          [at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)],
          o.panel,
          ` stroke="${o.frame}" stroke-width="3"`,
        );
      }
    }
    return s;
  };
}

type Hive = { bg: string; cells: readonly string[]; bee: string; stripe: string; wing: string };

function honeycomb(o: Hive): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const r = h * 0.08;
    const dx = r * Math.sqrt(3);
    let i = 0;
    for (let row = 0, y = 0; y < h + r; row++, y += r * 1.5) {
      for (let x = row % 2 ? dx / 2 : 0; x < w * 0.62; x += dx)
        s += hexagon(x, y, r * 0.94, pick(o.cells, (i++ * 7) % 5));
    }
    const bx = w * 0.78;
    const by = h * 0.45;
    s += ellipse(bx - h * 0.03, by - h * 0.12, h * 0.09, h * 0.05, o.wing, ' fill-opacity="0.85"');
    s += ellipse(bx + h * 0.05, by - h * 0.13, h * 0.08, h * 0.045, o.wing, ' fill-opacity="0.85"');
    s += `<defs><clipPath id="bee">${ellipse(bx, by, h * 0.14, h * 0.09, "#000")}</clipPath></defs>`;
    s += ellipse(bx, by, h * 0.14, h * 0.09, o.bee);
    s += `<g clip-path="url(#bee)">${[-0.06, 0, 0.06].map((k) => rect(bx + h * k - h * 0.015, by - h * 0.1, h * 0.03, h * 0.2, o.stripe)).join("")}</g>`;
    s += circle(bx + h * 0.16, by - h * 0.01, h * 0.05, o.stripe);
    return s;
  };
}

type Bins = { bg: string; floor: string; bins: readonly string[]; mark: string };

function recyclingBins(o: Bins): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg) + rect(0, h * 0.8, w, h * 0.2, o.floor);
    o.bins.forEach((c, i) => {
      const x = w * (0.16 + i * 0.25);
      const bw = w * 0.18;
      s += poly(
        [
          [x, h * 0.3],
          [x + bw, h * 0.3],
          [x + bw * 0.92, h * 0.82],
          [x + bw * 0.08, h * 0.82],
        ],
        c,
      );
      s +=
        rect(x - 10, h * 0.24, bw + 20, h * 0.07, c, 8) +
        rect(x + bw * 0.35, h * 0.2, bw * 0.3, h * 0.05, c, 6);
      const cx = x + bw / 2;
      const cy = h * 0.55;
      if (i === 0) s += circle(cx, cy, h * 0.07, o.mark);
      else if (i === 1) s += rect(cx - h * 0.065, cy - h * 0.065, h * 0.13, h * 0.13, o.mark, 4);
      else
        s += poly(
          [
            [cx, cy - h * 0.08],
            [cx + h * 0.075, cy + h * 0.06],
            [cx - h * 0.075, cy + h * 0.06],
          ],
          o.mark,
        );
    });
    return s;
  };
}

type Coins = { bg: string; coin: string; edge: string; heights: readonly number[] };

function coins(o: Coins): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const ch = h * 0.035;
    o.heights.forEach((n, i) => {
      const cx = w * (0.2 + (i * 0.6) / (o.heights.length - 1));
      const base = h * 0.85;
      const r = h * 0.1;
      for (let k = 0; k < n; k++) {
        const y = base - k * ch;
        s +=
          rect(cx - r, y - ch, r * 2, ch, o.edge) +
          ellipse(cx, y, r, r * 0.3, o.edge) +
          ellipse(cx, y - ch, r, r * 0.3, o.coin);
      }
    });
    return s;
  };
}

type Basket = {
  bg: string;
  table: string;
  basket: string;
  weave: string;
  fruit: readonly string[];
  bread: string;
};

function basket(o: Basket): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg) + rect(0, h * 0.75, w, h * 0.25, o.table);
    const cx = w / 2;
    const top = h * 0.45;
    s += stroke(
      d`M${cx - w * 0.2} ${top}C${cx - w * 0.2} ${h * 0.05} ${cx + w * 0.2} ${h * 0.05} ${cx + w * 0.2} ${top}`,
      o.basket,
      18,
    );
    s += ellipse(cx + w * 0.08, top - h * 0.04, w * 0.1, h * 0.06, o.bread);
    const fruit: ReadonlyArray<readonly [number, number]> = [
      [-0.14, -0.03],
      [-0.06, -0.06],
      [0.02, -0.02],
      [0.14, -0.01],
      [-0.1, 0.01],
    ];
    fruit.forEach(([fx, fy], i) => {
      s += circle(cx + w * fx, top + h * fy, h * 0.065, pick(o.fruit, i));
    });
    const bp = d`M${cx - w * 0.24} ${top}H${cx + w * 0.24}L${cx + w * 0.19} ${h * 0.8}H${cx - w * 0.19}Z`;
    s += path(bp, o.basket);
    for (let y = top + h * 0.06; y < h * 0.8; y += h * 0.07)
      s += line(cx - w * 0.23, y, cx + w * 0.23, y, o.weave, 4);
    for (let x = cx - w * 0.2; x <= cx + w * 0.2; x += w * 0.05)
      s += line(x, top, x * 0.95 + cx * 0.05, h * 0.8, o.weave, 4);
    return s;
  };
}

type Bread = { bg: string; board: string; crust: string; score: string };

function breadLoaves(o: Bread): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    s += rect(w * 0.08, h * 0.5, w * 0.84, h * 0.34, o.board, 30);
    const loaves: ReadonlyArray<readonly [number, number, number, number]> = [
      [0.27, 0.56, 0.16, 0.11],
      [0.52, 0.6, 0.13, 0.13],
      [0.75, 0.56, 0.15, 0.1],
    ];
    for (const [x, y, rx, ry] of loaves) {
      s += ellipse(w * x, h * y, w * rx, h * ry, o.crust);
      for (let k = -1; k <= 1; k++)
        s += line(
          w * x + w * rx * 0.35 * k - w * 0.03,
          h * y + h * ry * 0.3,
          w * x + w * rx * 0.35 * k + w * 0.03,
          h * y - h * ry * 0.3,
          o.score,
          7,
        );
    }
    const rnd = seeded(4);
    for (let i = 0; i < 18; i++)
      s += circle(w * (0.15 + rnd() * 0.7), h * (0.72 + rnd() * 0.1), 3 + rnd() * 4, o.crust);
    return s;
  };
}

type Crates = { bg: string; floor: string; crate: string; slat: string; fruit: readonly string[] };

function fruitCrates(o: Crates): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg) + rect(0, h * 0.78, w, h * 0.22, o.floor);
    o.fruit.forEach((color, i) => {
      const x = w * (0.08 + i * 0.3);
      const cw = w * 0.26;
      const top = h * 0.45;
      for (let row = 0; row < 2; row++) {
        for (let k = 0; k < 5; k++)
          s += circle(x + cw * (0.12 + k * 0.19), top - h * 0.02 + row * h * 0.06, h * 0.05, color);
      }
      s += rect(x, top + h * 0.05, cw, h * 0.28, o.crate, 6);
      for (let k = 1; k < 3; k++)
        s += line(
          x + 6,
          top + h * 0.05 + k * h * 0.093,
          x + cw - 6,
          top + h * 0.05 + k * h * 0.093,
          o.slat,
          5,
        );
    });
    return s;
  };
}

type Rays = {
  top: string;
  bottom: string;
  sun: string;
  ray: string;
  particle: string;
  ground: string;
};

function lightRays(o: Rays): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    const sx = w * 0.08;
    const sy = h * 0.1;
    for (let k = 0; k < 7; k++) {
      const a = 0.05 + k * 0.22;
      const a2 = a + 0.08;
      const L = w * 1.3;
      s += poly(
        [
          [sx, sy],
          [sx + Math.cos(a) * L, sy + Math.sin(a) * L],
          [sx + Math.cos(a2) * L, sy + Math.sin(a2) * L],
        ],
        o.ray,
        ' fill-opacity="0.25"',
      );
    }
    s += circle(sx, sy, h * 0.14, o.sun);
    const rnd = seeded(13);
    for (let i = 0; i < 120; i++)
      s += circle(rnd() * w, rnd() * h * 0.8, 2 + rnd() * 2, o.particle, ' fill-opacity="0.8"');
    s += path(
      d`M0 ${h * 0.9}C${w * 0.3} ${h * 0.8} ${w * 0.6} ${h * 0.95} ${w} ${h * 0.85}V${h}H0Z`,
      o.ground,
    );
    return s;
  };
}

type Qanat = {
  top: string;
  bottom: string;
  ground: string;
  deep: string;
  shaft: string;
  tunnel: string;
  water: string;
  mountain: string;
  field: string;
};

function qanat(o: Qanat): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    s += poly(
      [
        [0, h * 0.35],
        [w * 0.1, h * 0.08],
        [w * 0.26, h * 0.3],
      ],
      o.mountain,
    );
    const surf = (x: number) => h * 0.3 + (x / w) * h * 0.1;
    s += path(d`M0 ${surf(0)}L${w} ${surf(w)}V${h}H0Z`, o.ground);
    s += path(d`M0 ${h * 0.75}L${w} ${h * 0.7}V${h}H0Z`, o.deep);
    const tun = (x: number) => h * 0.78 - (x / w) * h * 0.36;
    s += stroke(d`M${w * 0.02} ${tun(w * 0.02)}L${w * 0.9} ${tun(w * 0.9)}`, o.tunnel, h * 0.06);
    s += stroke(
      d`M${w * 0.02} ${tun(w * 0.02) + h * 0.015}L${w * 0.9} ${tun(w * 0.9) + h * 0.015}`,
      o.water,
      h * 0.022,
    );
    for (let i = 0; i < 6; i++) {
      const x = w * (0.12 + i * 0.13);
      s += rect(x - 7, surf(x), 14, tun(x) - surf(x), o.shaft);
      s += path(
        d`M${x - 36} ${surf(x) + 2}Q${x} ${surf(x) - 40} ${x + 36} ${surf(x) + 2}Z`,
        o.deep,
      );
    }
    s += rect(w * 0.9, tun(w * 0.9) - h * 0.02, w * 0.1, h * 0.04, o.water);
    for (let i = 0; i < 3; i++)
      s += circle(w * (0.93 + i * 0.03), surf(w * 0.93) - h * 0.05, h * 0.04, o.field);
    return s;
  };
}

type Umbrella = {
  top: string;
  bottom: string;
  canopy: string;
  handle: string;
  rain: string;
  ground: string;
  puddle: string;
};

function umbrella(o: Umbrella): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom) + rect(0, h * 0.86, w, h * 0.14, o.ground);
    for (let i = 0; i < 60; i++) {
      const x = (i * 97) % w;
      const y = ((i * 53) % Math.floor(h * 0.75)) + 10;
      s += line(x, y, x - 12, y + 36, o.rain, 3);
    }
    const cx = w * 0.5;
    const cy = h * 0.42;
    const R = h * 0.28;
    let scallop = d`M${cx - R} ${cy}A${R} ${R} 0 0 1 ${cx + R} ${cy}`;
    for (let k = 0; k < 4; k++) {
      const x1 = cx + R - (k + 1) * (R / 2);
      scallop += d`Q${x1 + R / 4} ${cy - R * 0.12} ${x1} ${cy}`;
    }
    s += path(`${scallop}Z`, o.canopy);
    s += line(cx, cy - R - 18, cx, cy - R, o.handle, 8);
    s += stroke(
      d`M${cx} ${cy}V${h * 0.76}a${h * 0.04} ${h * 0.04} 0 0 1 ${-h * 0.08} 0`,
      o.handle,
      10,
    );
    s +=
      ellipse(w * 0.3, h * 0.92, w * 0.1, h * 0.025, o.puddle) +
      ellipse(w * 0.72, h * 0.94, w * 0.13, h * 0.03, o.puddle);
    return s;
  };
}

type Phases = { bg: string; lit: string; dark: string; star: string };

function moonPhases(o: Phases): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const rnd = seeded(27);
    for (let i = 0; i < 70; i++) s += circle(rnd() * w, rnd() * h, 1 + rnd() * 1.8, o.star);
    const r = Math.min(w / 13, h * 0.16);
    for (let i = 0; i < 5; i++) {
      const cx = w * (0.14 + i * 0.18);
      const cy = h * 0.5;
      s += circle(cx, cy, r, o.dark);
      s += `<defs><clipPath id="phase${i}">${i === 1 || i === 2 ? rect(cx, cy - r, r, 2 * r, "#000") : rect(cx - r, cy - r, 2 * r, 2 * r, "#000")}</clipPath></defs>`;
      if (i === 1)
        s += `<g clip-path="url(#phase${i})">${circle(cx, cy, r, o.lit)}${ellipse(cx, cy, r * 0.55, r, o.dark)}</g>`;
      if (i === 2) s += `<g clip-path="url(#phase${i})">${circle(cx, cy, r, o.lit)}</g>`;
      if (i === 3)
        s +=
          path(d`M${cx} ${cy - r}A${r} ${r} 0 0 1 ${cx} ${cy + r}Z`, o.lit) +
          ellipse(cx, cy, r * 0.55, r, o.lit);
      if (i === 4) s += circle(cx, cy, r, o.lit);
    }
    return s;
  };
}

type Storm = {
  top: string;
  bottom: string;
  cloud: string;
  bolt: string;
  ground: string;
  rain: string;
};

function lightning(o: Storm): Draw {
  return (w, h) => {
    let s = sky(w, h, o.top, o.bottom);
    for (let i = 0; i < 40; i++) {
      const x = (i * 131) % w;
      const y = h * 0.35 + ((i * 37) % Math.floor(h * 0.45));
      s += line(x, y, x - 10, y + 30, o.rain, 3);
    }
    s +=
      cloudShape(w * 0.35, h * 0.2, h * 0.17, o.cloud) +
      cloudShape(w * 0.68, h * 0.18, h * 0.15, o.cloud);
    s += poly(
      [
        [w * 0.52, h * 0.28],
        [w * 0.46, h * 0.52],
        [w * 0.51, h * 0.52],
        [w * 0.45, h * 0.8],
        [w * 0.6, h * 0.45],
        [w * 0.54, h * 0.45],
        [w * 0.6, h * 0.28],
      ],
      o.bolt,
    );
    s += path(
      d`M0 ${h * 0.85}C${w * 0.3} ${h * 0.78} ${w * 0.6} ${h * 0.9} ${w} ${h * 0.82}V${h}H0Z`,
      o.ground,
    );
    return s;
  };
}

type Crocus = {
  bg: string;
  bg2: string;
  petal: string;
  petal2: string;
  stigma: string;
  stamen: string;
  leaf: string;
};

function crocus(o: Crocus): Draw {
  return (w, h) => {
    let s = sky(w, h, o.bg, o.bg2);
    const rnd = seeded(31);
    for (let i = 0; i < 30; i++) {
      const x = rnd() * w;
      const y = rnd() * h;
      s += line(x, y, x + (rnd() - 0.5) * 60, y - 60 - rnd() * 40, o.leaf, 5);
    }
    const flowers: ReadonlyArray<readonly [number, number, number]> = [
      [0.25, 0.4, 1],
      [0.55, 0.55, 1.2],
      [0.8, 0.35, 0.9],
      [0.12, 0.78, 0.8],
      [0.72, 0.82, 0.85],
    ];
    for (const [fx, fy, k] of flowers) {
      const cx = w * fx;
      const cy = h * fy;
      const r = h * 0.11 * k;
      for (let p = 0; p < 6; p++) {
        const a = p * 60 + (p % 2) * 0;
        s += `<g transform="rotate(${a} ${n1(cx)} ${n1(cy)})">${ellipse(cx, cy - r * 0.55, r * 0.28, r * 0.6, p % 2 ? o.petal2 : o.petal)}</g>`;
      }
      for (const a of [-0.5, 0.4, 1.4])
        s += line(
          cx,
          cy,
          cx + Math.cos(a) * r * 0.7,
          cy + Math.sin(a) * r * 0.7 - r * 0.2,
          o.stigma,
          5,
        );
      for (const a of [2.2, 3.3, 4.4])
        s += line(cx, cy, cx + Math.cos(a) * r * 0.45, cy + Math.sin(a) * r * 0.45, o.stamen, 6);
    }
    return s;
  };
}

type Keys = { bg: string; body: string; key: string; accent: string };

function keyboard(o: Keys): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const x0 = w * 0.08;
    const y0 = h * 0.18;
    const kw = (w * 0.84) / 12;
    s += rect(x0 - 20, y0 - 20, w * 0.84 + 40, kw * 5.3 + 40, o.body, 24);
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 12; c++) {
        const accent = (r === 0 && c < 10) || (r === 2 && c === 11);
        s += rect(
          x0 + c * kw + 6 + (r % 2) * kw * 0.25,
          y0 + r * kw * 1.05 + 6,
          kw - 12 - (r % 2 && c === 11 ? kw * 0.25 : 0),
          kw - 12,
          accent ? o.accent : o.key,
          10,
        );
      }
    }
    s += rect(x0 + kw * 3, y0 + 4 * kw * 1.05 + 6, kw * 6, kw - 12, o.key, 10);
    return s;
  };
}

type Ink = { paper: string; ink: string; accent: string };

function inkCurves(o: Ink): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.paper);
    const strokes = [
      d`M${w * 0.85} ${h * 0.3}C${w * 0.7} ${h * 0.15} ${w * 0.6} ${h * 0.45} ${w * 0.45} ${h * 0.35}S${w * 0.25} ${h * 0.2} ${w * 0.15} ${h * 0.32}`,
      d`M${w * 0.8} ${h * 0.55}C${w * 0.75} ${h * 0.7} ${w * 0.55} ${h * 0.72} ${w * 0.5} ${h * 0.58}S${w * 0.3} ${h * 0.5} ${w * 0.2} ${h * 0.65}`,
      d`M${w * 0.7} ${h * 0.8}Q${w * 0.5} ${h * 0.9} ${w * 0.3} ${h * 0.8}`,
    ];
    strokes.forEach((p, i) => {
      s += stroke(p, i === 2 ? o.accent : o.ink, 16 - i * 3);
    });
    for (const [x, y] of [
      [0.6, 0.2],
      [0.63, 0.22],
      [0.35, 0.47],
      [0.52, 0.9],
      [0.4, 0.7],
    ] as const)
      s += circle(w * x, h * y, 10, o.ink);
    return s;
  };
}

type Envelope = { bg: string; paper: string; fold: string; sheet: string };

function envelope(o: Envelope): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const x = w * 0.3;
    const y = h * 0.28;
    const ew = w * 0.4;
    const eh = h * 0.44;
    s += `<g transform="rotate(-8 ${n1(w * 0.32)} ${n1(h * 0.5)})">${rect(w * 0.16, h * 0.22, w * 0.3, h * 0.5, o.sheet, 6)}</g>`;
    s += rect(x + 14, y + 16, ew, eh, "#00000055", 8) + rect(x, y, ew, eh, o.paper, 8);
    s += stroke(
      d`M${x + 6} ${y + 6}L${x + ew / 2} ${y + eh * 0.58}L${x + ew - 6} ${y + 6}`,
      o.fold,
      6,
    );
    s += stroke(
      d`M${x + 6} ${y + eh - 6}L${x + ew * 0.38} ${y + eh * 0.45}M${x + ew - 6} ${y + eh - 6}L${x + ew * 0.62} ${y + eh * 0.45}`,
      o.fold,
      4,
    );
    return s;
  };
}

type Bubbles = { bg: string; bg2: string; soap: string; dish: string; bubble: string };

function soapBubbles(o: Bubbles): Draw {
  return (w, h) => {
    let s = sky(w, h, o.bg, o.bg2);
    s += ellipse(w * 0.5, h * 0.8, w * 0.22, h * 0.07, o.dish);
    s += rect(w * 0.38, h * 0.62, w * 0.24, h * 0.16, o.soap, 40);
    const items: ReadonlyArray<readonly [number, number, number]> = [
      [0.3, 0.35, 0.12],
      [0.5, 0.3, 0.08],
      [0.66, 0.42, 0.1],
      [0.42, 0.15, 0.06],
      [0.78, 0.2, 0.07],
      [0.2, 0.6, 0.05],
    ];
    for (const [x, y, r] of items) {
      s += circle(
        w * x,
        h * y,
        h * r,
        o.bubble,
        ` fill-opacity="0.25" stroke="${o.bubble}" stroke-width="4"`,
      );
      s += stroke(
        d`M${w * x - h * r * 0.6} ${h * y - h * r * 0.2}A${h * r * 0.65} ${h * r * 0.65} 0 0 1 ${w * x - h * r * 0.1} ${h * y - h * r * 0.62}`,
        "#ffffff",
        5,
      );
    }
    return s;
  };
}

type Ripples = { bg: string; phone: string; screen: string; ring: string; finger: string };

function touchRipples(o: Ripples): Draw {
  return (w, h) => {
    let s = rect(0, 0, w, h, o.bg);
    const pw = h * 0.5;
    const px = (w - pw) / 2;
    s +=
      rect(px, h * 0.08, pw, h * 0.84, o.phone, 34) +
      rect(px + 18, h * 0.14, pw - 36, h * 0.72, o.screen, 10);
    const cx = w / 2;
    const cy = h * 0.5;
    for (let k = 1; k <= 4; k++)
      s += circle(
        cx,
        cy,
        k * h * 0.05,
        "none",
        ` stroke="${o.ring}" stroke-width="${8 - k}" stroke-opacity="${n1(1 - k * 0.18)}"`,
      );
    s += ellipse(cx, cy, h * 0.035, h * 0.045, o.finger);
    return s;
  };
}

// ---------------------------------------------------------------------------------------------
// The table: every image any story references. Alt text says what the drawing shows.

const img = (
  file: string,
  size: { width: number; height: number },
  alt: string,
  draw: Draw,
): DemoImage => ({
  file,
  width: size.width,
  height: size.height,
  alt,
  draw,
});

const DEMO_IMAGES: readonly DemoImage[] = [
  // Stand-ins for the two seed stories' photographs, which are not reproduced.
  img(
    "seed-skyline-dusk.jpg",
    LEAD,
    "Abstract illustration: a dark city skyline silhouette with lit windows beneath a mountain ridge, against an orange and violet dusk sky.",
    skyline({
      top: "#3b2a5c",
      bottom: "#f08a4b",
      building: "#1c1b2e",
      windows: "#f6d37a",
      ridge: "#4a3f66",
      seed: 7,
    }),
  ),
  img(
    "seed-envelope.jpg",
    LEAD,
    "Abstract illustration: a pale sealed envelope lying over a tilted sheet of paper on a deep red background.",
    envelope({ bg: "#7a1f2b", paper: "#f3ead8", fold: "#c9b99a", sheet: "#fbf7ef" }),
  ),

  // Iran explainers
  img(
    "calendar-grid-green.jpg",
    LEAD,
    "Illustration: a wall calendar page with a green header, binding rings and a grid of pale squares, three of them highlighted in orange.",
    calendar({
      bg: "#e8efe4",
      page: "#ffffff",
      header: "#2f7a52",
      cell: "#dfe9e1",
      mark: "#f08c3a",
      marks: [0, 12, 29],
      ring: "#555b66",
    }),
  ),
  img(
    "sunrise-equinox.jpg",
    WIDE,
    "Illustration: a yellow sun half hidden behind layered green hills under a pale pink morning sky.",
    hills({
      top: "#f6c9c0",
      bottom: "#fdf0d5",
      sun: "#ffc83d",
      sunX: 0.5,
      sunY: 0.52,
      hills: ["#8dbb74", "#5e9c5a", "#3f7a46"],
    }),
  ),
  img(
    "sabzeh-sprouts.jpg",
    LEAD,
    "Illustration: a shallow white dish of tall green sprouts tied with a red ribbon, on a wooden table.",
    sprouts({
      bg: "#f5efe3",
      table: "#b98a5a",
      dish: "#f4f4f4",
      rim: "#dedede",
      ribbon: "#c8323c",
      greens: ["#4f9d3a", "#6bb34a", "#3d8430"],
    }),
  ),
  img(
    "snow-peak-blue.jpg",
    LEAD,
    "Illustration: a single snow-capped mountain peak rising above brown foothills under a clear blue sky.",
    snowPeak({
      top: "#5f9ed8",
      bottom: "#cfe6f7",
      mountain: "#8a7f78",
      shade: "#6d625c",
      snow: "#ffffff",
      foot: "#a68560",
    }),
  ),
  img(
    "desert-dunes.jpg",
    PORTRAIT,
    "Illustration: rolling sand-coloured dunes in three shades of orange under a white sun and a hazy sky.",
    hills({
      top: "#f3d9a9",
      bottom: "#fbeed3",
      sun: "#ffffff",
      sunX: 0.3,
      sunY: 0.22,
      hills: ["#e7b36b", "#d9964c", "#c27a33"],
    }),
  ),
  img(
    "skyline-snowy-ridge.jpg",
    LEAD,
    "Illustration: a grey city skyline silhouette in front of a snow-topped mountain ridge under a light blue sky.",
    skyline({
      top: "#8fc0e8",
      bottom: "#e6f2fb",
      building: "#5a6170",
      ridge: "#9a8f8a",
      snow: "#ffffff",
      seed: 12,
    }),
  ),
  img(
    "ink-curves.jpg",
    LEAD,
    "Abstract illustration: flowing dark blue brush strokes, a red curve and scattered dots on cream paper, like calligraphy but with no real letters.",
    inkCurves({ paper: "#f7f0de", ink: "#1f3a6b", accent: "#b3362c" }),
  ),
  img(
    "rice-bowl-saffron.jpg",
    LEAD,
    "Illustration: a blue bowl heaped with white rice topped by a patch of saffron-yellow rice, beside a small dish of green herbs on a brown table.",
    riceBowl({
      bg: "#f4ead7",
      table: "#9c6b43",
      bowl: "#2f5f9e",
      rim: "#e9eef6",
      rice: "#fbfaf5",
      saffron: "#f2a900",
      herbs: "#4c8c3a",
    }),
  ),
  img(
    "qanat-cross-section.jpg",
    LEAD,
    "Diagram-style illustration: a cut-away view of the ground with a row of vertical shafts reaching down to a sloping tunnel that carries a blue line of water from a mountain to a field.",
    qanat({
      top: "#a9d3ef",
      bottom: "#e9f5fc",
      ground: "#c8a476",
      deep: "#a88558",
      shaft: "#5b4630",
      tunnel: "#4a3826",
      water: "#3f8fd6",
      mountain: "#8b7b6e",
      field: "#5a9c4a",
    }),
  ),
  img(
    "windcatchers.jpg",
    LEAD,
    "Illustration: sand-coloured flat-roofed buildings with three tall square towers pierced by dark vertical slots, and a small dome, under a blue sky.",
    windcatchers({
      top: "#4f95d6",
      bottom: "#cfe5f5",
      ground: "#d9b98a",
      wall: "#e3c594",
      shade: "#c9a66f",
      slot: "#5a4326",
    }),
  ),
  img(
    "pomegranate-night.jpg",
    LEAD,
    "Illustration: a whole red pomegranate and a cut half showing its seeds on a table, under a dark blue night sky with stars and a crescent moon.",
    pomegranateNight({
      top: "#0f1838",
      bottom: "#2b3a6b",
      table: "#5b2b2b",
      fruit: "#b3202c",
      crown: "#8c1822",
      pith: "#f3d6c8",
      seeds: "#c8102e",
      moon: "#f5e7a8",
      star: "#ffffff",
    }),
  ),
  img(
    "sea-waves-calm.jpg",
    LEAD,
    "Illustration: calm blue sea waves in four shades stretching to the horizon under a pale sky with white clouds and a yellow sun.",
    waves({
      top: "#9fd0f0",
      bottom: "#e8f5fc",
      sun: "#ffd45e",
      horizon: 0.5,
      bands: ["#5aa6d6", "#3f8ec2", "#2b74a8", "#1d5b8a"],
      amp: 0.02,
      clouds: "#ffffff",
    }),
  ),
  img(
    "carpet-pattern.jpg",
    LEAD,
    "Illustration: a carpet seen from above with a dark blue border of small gold diamonds, a deep red field, a large central diamond medallion and fringes at both ends.",
    carpet({
      bg: "#e8ddc8",
      border: "#1f2f5a",
      field: "#9b1d24",
      medallion: "#e7c27a",
      accent: "#d99a2b",
      fringe: "#f4ecdc",
    }),
  ),
  img(
    "carpet-detail.jpg",
    PORTRAIT,
    "Illustration: an upright carpet design with a green border of small ivory diamonds, a navy field, a central red and ivory diamond medallion and corner triangles.",
    carpet({
      bg: "#efe6d2",
      border: "#2f6b4f",
      field: "#1b2a4e",
      medallion: "#b8312f",
      accent: "#f1e4c3",
      fringe: "#f7f0e1",
    }),
  ),
  img(
    "crocus-flowers.jpg",
    LEAD,
    "Illustration: purple six-petalled flowers with red threads and yellow stamens at their centres, scattered among thin green leaves on brown earth.",
    crocus({
      bg: "#8a6a4a",
      bg2: "#6e5238",
      petal: "#8e5bc8",
      petal2: "#7a47b3",
      stigma: "#d7261e",
      stamen: "#f2c230",
      leaf: "#6f9a4a",
    }),
  ),
  img(
    "keyboard-keys.jpg",
    LEAD,
    "Illustration: a computer keyboard seen from above with rows of blank grey keys, a row of blank teal keys along the top and a long space bar.",
    keyboard({ bg: "#e9edf2", body: "#3a3f4a", key: "#c9ced6", accent: "#3fa7a0" }),
  ),
  img(
    "calendar-grid-blue.jpg",
    LEAD,
    "Illustration: a wall calendar page with a blue header, binding rings and a grid of pale squares, two of them highlighted in red.",
    calendar({
      bg: "#e6edf6",
      page: "#ffffff",
      header: "#2c5ea8",
      cell: "#e1e8f2",
      mark: "#d0413a",
      marks: [5, 20],
      ring: "#4d5360",
    }),
  ),
  img(
    "tea-glass.jpg",
    LEAD,
    "Illustration: a small waisted glass of amber tea on a saucer with three sugar cubes, steam rising, on a brown table.",
    teaGlass({
      bg: "#f1e3cf",
      table: "#8b5a36",
      glass: "#ffffff",
      tea: "#b4471c",
      saucer: "#e9e4da",
      sugar: "#ffffff",
      steam: "#ffffff",
    }),
  ),

  // Science
  img(
    "rain-cloud.jpg",
    LEAD,
    "Illustration: a large grey cloud with rows of blue raindrops falling beneath it, over a strip of green ground.",
    rainCloud({
      top: "#9fb4c7",
      bottom: "#dfe8ef",
      cloud: "#7d8a99",
      cloud2: "#a5b0bc",
      drop: "#2f7fd0",
      ground: "#6a9b52",
    }),
  ),
  img(
    "sun-orbit.jpg",
    LEAD,
    "Diagram-style illustration: a yellow sun at the centre of a dashed oval orbit, with a small blue planet on the orbit and four markers at its quarter points, on a dark blue background.",
    sunOrbit({
      bg: "#0f1e3d",
      sun: "#ffcf3f",
      glow: "#5a4a2a",
      orbit: "#8fa8d6",
      earth: "#3fa0e0",
      marker: "#f2f2f2",
    }),
  ),
  img(
    "light-rays.jpg",
    LEAD,
    "Illustration: a bright sun in the top left corner sending pale rays across a blue sky filled with tiny white dots, above a green hill.",
    lightRays({
      top: "#2f7fd6",
      bottom: "#9fd0f5",
      sun: "#fff3b0",
      ray: "#ffffff",
      particle: "#ffffff",
      ground: "#4f8f4a",
    }),
  ),
  img(
    "flask-bubbles.jpg",
    LEAD,
    "Illustration: a glass conical flask half full of green liquid with bubbles, next to a small test tube, on a lab bench.",
    flask({
      bg: "#e5f0f4",
      bench: "#5c6b73",
      glass: "#d9f1f7",
      liquid: "#49b36b",
      bubble: "#2d6f83",
    }),
  ),
  img(
    "volcano-model.jpg",
    WIDE,
    "Illustration: a brown cone-shaped model volcano on a board, with orange-red foam spilling from its top and running down its sides.",
    volcanoModel({
      bg: "#e9f1f7",
      table: "#b08b5e",
      board: "#6d8a4b",
      cone: "#8a5a3c",
      lava: "#e8502a",
    }),
  ),
  img(
    "bar-chart-seedlings.jpg",
    WIDE,
    "Chart-style illustration: six green bars of increasing height on a pale grid, with no labels.",
    bars({
      bg: "#f7fbf4",
      values: [2, 3, 4.5, 5, 6.5, 8],
      colors: ["#4f9d3a"],
      grid: "#dfe8da",
      axis: "#3b4a3b",
    }),
  ),
  img(
    "leaf-green.jpg",
    PORTRAIT,
    "Illustration: a single green leaf with pale veins, tilted diagonally on a light yellow background.",
    leaf({ bg: "#fbf6d9", leaf: "#4a9a3f", vein: "#c9e6b8", angle: -35 }),
  ),
  img(
    "umbrella-rain.jpg",
    LEAD,
    "Illustration: an open red umbrella with a curved handle in falling rain, above puddles on grey ground.",
    umbrella({
      top: "#8fa3b8",
      bottom: "#cdd8e2",
      canopy: "#d2373f",
      handle: "#3b3b3b",
      rain: "#5d7fa3",
      ground: "#7b8590",
      puddle: "#a9bfd3",
    }),
  ),
  img(
    "meteor-night.jpg",
    LEAD,
    "Illustration: a dark night sky full of small stars with several white streaks of shooting stars, above black hills.",
    nightSky({
      top: "#050a1f",
      bottom: "#1c2b55",
      star: "#ffffff",
      stars: 160,
      meteors: 5,
      hills: "#05070f",
      seed: 2,
    }),
  ),
  img(
    "lightning-cloud.jpg",
    LEAD,
    "Illustration: dark storm clouds with a yellow zigzag lightning bolt and slanting rain above a dark green hill.",
    lightning({
      top: "#2a3140",
      bottom: "#59657a",
      cloud: "#3c4452",
      bolt: "#ffd93b",
      ground: "#2c4a2e",
      rain: "#8a9bb3",
    }),
  ),
  img(
    "moon-phases.jpg",
    LEAD,
    "Illustration: five moons in a row on a starry black background, from a dark new moon through crescent, half and gibbous to a full moon.",
    moonPhases({ bg: "#070b18", lit: "#f1ecd2", dark: "#2a2f3d", star: "#c9d3e8" }),
  ),

  // Technology
  img(
    "padlock.jpg",
    LEAD,
    "Illustration: a closed gold padlock with a grey shackle and a dark keyhole, above a row of eight dots, on a teal background.",
    padlock({
      bg: "#1f6f78",
      body: "#f2b632",
      shackle: "#c3c8cf",
      keyhole: "#3a2a10",
      dots: "#e9f5f6",
    }),
  ),
  img(
    "qr-style-squares.jpg",
    LEAD,
    "Abstract illustration: a square pattern of black and white blocks in the style of a QR code (it encodes nothing), on a white panel against an orange background.",
    squares({ bg: "#f28c38", panel: "#ffffff", ink: "#111111", seed: 42 }),
  ),
  img(
    "satellite-orbits.jpg",
    LEAD,
    "Illustration: a blue and green planet in space circled by three dashed orbits, each with a small satellite with two solar panels, among stars.",
    orbits({
      bg: "#0b1430",
      planet: "#2f7fd0",
      land: "#4caf50",
      orbit: "#9fb3d9",
      body: "#e0e0e0",
      panel: "#3b6fd1",
      star: "#ffffff",
    }),
  ),
  img(
    "phone-cloud.jpg",
    LEAD,
    "Illustration: a phone showing a grid of coloured tiles, with dashed lines leading to a white cloud and to a grey box, on a light purple background.",
    phoneCloud({
      bg: "#e9e4f5",
      phone: "#2d2f3a",
      screen: "#f4f4f8",
      tiles: ["#f28c38", "#4f9d3a", "#2f7fd0", "#d2373f", "#f2c230", "#8e5bc8"],
      cloud: "#ffffff",
      arrow: "#5a4a9c",
      drive: "#8c919c",
    }),
  ),
  img(
    "open-book-tablet.jpg",
    LEAD,
    "Illustration: an open book with grey lines standing in for text and a red bookmark ribbon, on a dark teal background.",
    openBook({
      bg: "#1d4e56",
      cover: "#c0392b",
      page: "#fdfaf2",
      lines: "#c9c4b8",
      shadow: "#163c42",
      bookmark: "#e74c3c",
    }),
  ),
  img(
    "touch-ripples.jpg",
    LEAD,
    "Illustration: a phone on a yellow background, with a fingertip-shaped oval at the centre of its screen sending out fading concentric rings.",
    touchRipples({
      bg: "#f6d55c",
      phone: "#22252e",
      screen: "#eaf2fb",
      ring: "#2f7fd0",
      finger: "#e0a98a",
    }),
  ),

  // Culture
  img(
    "open-book.jpg",
    LEAD,
    "Illustration: an open book with grey lines standing in for text, on a dark blue cover, against a warm orange background.",
    openBook({
      bg: "#f0a05a",
      cover: "#1f3a6b",
      page: "#fffdf6",
      lines: "#cfc8b8",
      shadow: "#c97d3c",
    }),
  ),
  img(
    "film-screen-night.jpg",
    LEAD,
    "Illustration: an outdoor film screen on posts showing a sun over a hill, under a starry night sky, with rows of dark silhouetted heads in front.",
    filmScreen({
      top: "#0d1330",
      bottom: "#2d3a6a",
      screen: "#dbe8f5",
      picture: ["#f2c230", "#6aa84f"],
      post: "#222222",
      audience: "#0a0a12",
      star: "#ffffff",
    }),
  ),
  img(
    "music-notes.jpg",
    LEAD,
    "Illustration: a five-line music staff with six dark and coral note heads on stems, two joined by a beam, on a pale cream background.",
    musicNotes({ bg: "#fbf3e4", staff: "#8a7f70", note: "#2b2b3a", accent: "#e76f51" }),
  ),
  img(
    "mural-stripes.jpg",
    LEAD,
    "Illustration: a brick wall painted with five slanting colourful stripes and a yellow sun, above a grey pavement.",
    mural({
      wall: "#c9a48a",
      mortar: "#e8d8cb",
      bands: ["#e63946", "#f4a261", "#2a9d8f", "#457b9d", "#8e5bc8"],
      sun: "#f6c90e",
      ground: "#7d7f85",
    }),
  ),
  img(
    "old-map.jpg",
    LEAD,
    "Illustration: an old-style map on parchment with two green islands, a blue sea, a dotted route between two points and a compass star.",
    oldMap({
      paper: "#efdfb8",
      edge: "#7a5a32",
      sea: "#7fb3c8",
      land: "#8fae6a",
      route: "#9b2d20",
      compass: "#5b4025",
    }),
  ),
  img(
    "old-map-detail.jpg",
    PORTRAIT,
    "Illustration: an upright old-style map on yellowed parchment with two brown landmasses, a grey-blue sea, a dotted route and a compass star.",
    oldMap({
      paper: "#eedcae",
      edge: "#5d4424",
      sea: "#8aa5b0",
      land: "#b08d5b",
      route: "#7a1f1f",
      compass: "#3d2b17",
    }),
  ),

  // Health
  img(
    "soap-bubbles.jpg",
    LEAD,
    "Illustration: a pink bar of soap on a white dish with translucent bubbles floating above it, on a light blue background.",
    soapBubbles({
      bg: "#cfe9f7",
      bg2: "#eef8fd",
      soap: "#f4a7b9",
      dish: "#ffffff",
      bubble: "#5fa8d3",
    }),
  ),
  img(
    "thermometer-sun.jpg",
    LEAD,
    "Illustration: a blazing yellow sun with rays beside a tall thermometer whose red column is nearly full, over dry yellow ground.",
    thermometerSun({
      top: "#f28c38",
      bottom: "#fbd38d",
      sun: "#ffe14d",
      tube: "#ffffff",
      fill: "#d62828",
      tick: "#7a3b12",
      ground: "#d9b45a",
    }),
  ),
  img(
    "winding-path.jpg",
    LEAD,
    "Illustration: a sandy path winding through green fields toward the horizon, with round trees on both sides under a blue sky.",
    windingTrail({
      top: "#74b3e8",
      bottom: "#d6ecfa",
      field: "#8cc46a",
      field2: "#4f9442",
      trail: "#e3c99a",
      trees: "#2f6e3a",
      trunk: "#6b4a2b",
    }),
  ),
  img(
    "droplet-red.jpg",
    LEAD,
    "Illustration: a large red droplet and two smaller ones beside a red plus sign, on a white-to-pink background.",
    droplet({ bg: "#ffffff", bg2: "#fde2e4", drop: "#c8102e", shine: "#ffffff", plus: "#c8102e" }),
  ),
  img(
    "crescent-moon-stars.jpg",
    LEAD,
    "Illustration: a pale yellow crescent moon in a deep blue night sky scattered with small stars, above dark hills.",
    nightSky({
      top: "#0b1433",
      bottom: "#2a3d78",
      star: "#ffffff",
      stars: 90,
      meteors: 0,
      moon: "#f7e9a0",
      hills: "#0a1024",
      seed: 19,
    }),
  ),
  img(
    "uv-scale-bars.jpg",
    LEAD,
    "Chart-style illustration: eleven bars rising from left to right, coloured green, yellow, orange, red and violet, with no labels.",
    bars({
      bg: "#fdfcf7",
      values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      colors: [
        "#4caf50",
        "#4caf50",
        "#f2c230",
        "#f2c230",
        "#f2c230",
        "#f28c38",
        "#f28c38",
        "#d62828",
        "#d62828",
        "#d62828",
        "#8e44ad",
      ],
      grid: "#ecebe4",
      axis: "#44464d",
    }),
  ),

  // Environment
  img(
    "garden-sunrise.jpg",
    LEAD,
    "Illustration: three raised garden beds with rows of round green, red and yellow plants on a lawn, under a peach sunrise sky with a yellow sun.",
    gardenBeds({
      top: "#f7b58a",
      bottom: "#fde9c9",
      sun: "#ffd23f",
      grass: "#7fb55a",
      frame: "#8a5a34",
      soil: "#5a3c26",
      plants: ["#3f8f3a", "#d9412b", "#58a845", "#f2c230"],
    }),
  ),
  img(
    "river-bend.jpg",
    LEAD,
    "Illustration: a blue river seen from above curving through green banks dotted with reeds and grey stones.",
    riverBend({
      bank: "#7fb25c",
      bank2: "#5a8f45",
      water: "#3b82c4",
      shine: "#bfe1f7",
      reed: "#3c6b2f",
      stone: "#a3a39a",
    }),
  ),
  img(
    "young-tree.jpg",
    LEAD,
    "Illustration: a young tree with a round green canopy, tied to a wooden stake, on a grassy rise under a blue sky.",
    tree({
      top: "#7dbbe9",
      bottom: "#e0f1fb",
      ground: "#6fa84f",
      trunk: "#6b4a2b",
      canopy: ["#3f8f3a", "#4fa346", "#357a31"],
      stake: "#b08450",
    }),
  ),
  img(
    "compost-layers.jpg",
    LEAD,
    "Illustration: a cut-away compost bin with a tilted lid, showing alternating layers of brown, green and dark soil with small scraps in them.",
    compostLayers({
      bg: "#eaf2e3",
      bin: "#2f5d3a",
      layers: ["#8b6b47", "#6aa84f", "#5b4630", "#9ac26a", "#3e2f22"],
      bits: "#e0a84a",
    }),
  ),
  img(
    "solar-roof.jpg",
    LEAD,
    "Illustration: a low building whose roof is covered by twelve dark blue solar panels, with a yellow sun in a blue sky and green grass below.",
    solarRoof({
      top: "#5fa8e0",
      bottom: "#d8ecf9",
      sun: "#ffd23f",
      wall: "#e8dcc8",
      window: "#7fa8c9",
      roof: "#8a4b3a",
      panel: "#1f3f7a",
      frame: "#c9d3e0",
      grass: "#6fa84f",
    }),
  ),
  img(
    "honeycomb-bee.jpg",
    LEAD,
    "Illustration: a honeycomb of amber hexagons on the left and a yellow bee with black stripes and white wings on the right, on a cream background.",
    honeycomb({
      bg: "#fbf1d6",
      cells: ["#f2a900", "#e89a00", "#f7c04a", "#d98b00", "#f4b62a"],
      bee: "#f7c948",
      stripe: "#222222",
      wing: "#ffffff",
    }),
  ),
  img(
    "recycling-bins.jpg",
    LEAD,
    "Illustration: three bins in a row, green, blue and yellow, marked with a white circle, a white square and a white triangle.",
    recyclingBins({
      bg: "#e7eef0",
      floor: "#9aa3a8",
      bins: ["#2e8b57", "#2f6db5", "#e8b923"],
      mark: "#ffffff",
    }),
  ),
  img(
    "stormy-waves.jpg",
    LEAD,
    "Illustration: dark grey-green waves with high crests under a heavy grey sky with dark clouds.",
    waves({
      top: "#4a5563",
      bottom: "#8893a1",
      horizon: 0.42,
      bands: ["#4d6b73", "#3d5a62", "#2e4a52", "#213a41"],
      amp: 0.045,
      clouds: "#3a424d",
    }),
  ),
  img(
    "river-valley.jpg",
    LEAD,
    "Illustration: a blue river winding through green fields toward the horizon, with round trees in the fields, under a pale sky.",
    windingTrail({
      top: "#a6d1ee",
      bottom: "#eef7fc",
      field: "#9ccc78",
      field2: "#5b9f4a",
      trail: "#4a90d0",
      trees: "#2f6e3a",
      trunk: "#5a3d22",
    }),
  ),
  img(
    "bar-chart-river.jpg",
    WIDE,
    "Chart-style illustration: seven blue bars that dip in the middle and rise again toward the right, on a pale grid, with no labels.",
    bars({
      bg: "#f5f9fc",
      values: [6, 5, 3, 2, 3, 5, 7],
      colors: ["#2f7fd0"],
      grid: "#dde7ef",
      axis: "#33404d",
    }),
  ),
  img(
    "birds-on-wire.jpg",
    LEAD,
    "Illustration: eight small dark bird silhouettes perched on two sagging wires between poles, against an orange evening sky.",
    birdsOnWire({
      top: "#f4a259",
      bottom: "#fde4c2",
      wire: "#2b2b2b",
      bird: "#1f1f24",
      pole: "#3b2f28",
    }),
  ),

  // Economy
  img(
    "shopping-basket.jpg",
    LEAD,
    "Illustration: a woven brown basket holding round red, orange and green fruit and a loaf of bread, on a table against a pale green wall.",
    basket({
      bg: "#e3efe0",
      table: "#b9935f",
      basket: "#9c6b3c",
      weave: "#7a5029",
      fruit: ["#d62828", "#f28c38", "#7cb342", "#c0392b", "#f2c230"],
      bread: "#d9a25f",
    }),
  ),
  img(
    "line-chart-rising.jpg",
    LEAD,
    "Chart-style illustration: a green line that curves upward more steeply from left to right over a shaded area, on a pale grid, with no labels.",
    lineChart({
      bg: "#f7faf6",
      values: [10, 11.5, 13.2, 15.2, 17.5, 20.1, 23.1, 26.6, 30.6, 35.2, 40.5],
      line: "#2e8b57",
      area: "#cfe8d8",
      grid: "#e2ebe4",
      axis: "#3b4a40",
    }),
  ),
  img(
    "bread-loaves.jpg",
    LEAD,
    "Illustration: three golden-brown loaves of bread with scored tops on a wooden board, with crumbs, against a cream wall.",
    breadLoaves({ bg: "#f6ecd9", board: "#a8733f", crust: "#c98a3f", score: "#f1d3a0" }),
  ),
  img(
    "fruit-crates.jpg",
    LEAD,
    "Illustration: three wooden crates in a row filled with red, orange and green round fruit, on a grey floor.",
    fruitCrates({
      bg: "#eef1e6",
      floor: "#9a9c94",
      crate: "#b98a56",
      slat: "#8a6238",
      fruit: ["#d62828", "#f28c38", "#7cb342"],
    }),
  ),
  img(
    "coins-stack.jpg",
    LEAD,
    "Illustration: five stacks of gold coins of increasing height from left to right, on a dark green background.",
    coins({ bg: "#1f4d3a", coin: "#f2c230", edge: "#c99a18", heights: [3, 6, 9, 12, 15] }),
  ),
  img(
    "budget-bars.jpg",
    WIDE,
    "Chart-style illustration: five bars of different heights in blue, teal, orange, purple and grey on a pale grid, with no labels.",
    bars({
      bg: "#fafafa",
      values: [9, 6, 4, 3, 2],
      colors: ["#2f6db5", "#2a9d8f", "#f28c38", "#8e5bc8", "#8c919c"],
      grid: "#e6e6e6",
      axis: "#3a3a3a",
    }),
  ),
  img(
    "bus-blue.jpg",
    LEAD,
    "Illustration: a blue single-deck bus with a yellow stripe and a row of windows on a grey road with white dashes, under a light sky.",
    bus({
      top: "#9fcbed",
      bottom: "#e9f4fb",
      road: "#5c6066",
      mark: "#ffffff",
      body: "#2f6db5",
      stripe: "#f2c230",
      glass: "#cfe6f5",
      wheel: "#222222",
    }),
  ),
  img(
    "overlapping-circles.jpg",
    LEAD,
    "Abstract illustration: three large overlapping translucent circles in teal, orange and purple on a white background.",
    circles({
      bg: "#ffffff",
      items: [
        [0.4, 0.4, 0.3, "#2a9d8f", 0.7],
        [0.6, 0.4, 0.3, "#f28c38", 0.7],
        [0.5, 0.62, 0.3, "#8e5bc8", 0.7],
      ],
    }),
  ),

  // Community
  img(
    "garden-beds-autumn.jpg",
    LEAD,
    "Illustration: three raised garden beds with rows of round orange, brown and green plants on a lawn, under a grey-blue autumn sky.",
    gardenBeds({
      top: "#9fb3c8",
      bottom: "#e3e8ec",
      grass: "#8aa55a",
      frame: "#6b4a2b",
      soil: "#4a3322",
      plants: ["#e07b24", "#8a5a2b", "#5d8f3a", "#c9541a"],
    }),
  ),
  img(
    "leaf-autumn.jpg",
    PORTRAIT,
    "Illustration: a single orange-red leaf with pale veins, tilted on a soft brown-to-cream background.",
    leaf({ bg: "#e9d7bd", bg2: "#fbf4e8", leaf: "#d2561e", vein: "#f6c89a", angle: 50 }),
  ),
  img(
    "seedling-rows.jpg",
    WIDE,
    "Illustration: three raised beds with rows of small round green seedlings on a lawn under a pale blue sky.",
    gardenBeds({
      top: "#b9dcf2",
      bottom: "#eef7fc",
      grass: "#7fb55a",
      frame: "#8a5a34",
      soil: "#5a3c26",
      plants: ["#6fbf4a", "#4f9d3a"],
    }),
  ),
];

// ---------------------------------------------------------------------------------------------

const OUT_DIR = fileURLToPath(new URL("../../data/images/", import.meta.url));

function svgFor(image: DemoImage): string {
  const { width: w, height: h } = image;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${image.draw(w, h)}</svg>`;
}

async function renderDemoImage(image: DemoImage): Promise<Buffer> {
  return sharp(Buffer.from(svgFor(image)), { density: 72 })
    .resize(image.width, image.height, { fit: "fill" })
    .flatten({ background: "#ffffff" })
    .jpeg(JPEG_OPTIONS)
    .toBuffer();
}

async function main(): Promise<void> {
  const files = new Set<string>();
  for (const image of DEMO_IMAGES) {
    if (files.has(image.file)) throw new Error(`duplicate image file name: ${image.file}`);
    files.add(image.file);
  }
  await mkdir(OUT_DIR, { recursive: true });
  let total = 0;
  for (const image of DEMO_IMAGES) {
    const jpeg = await renderDemoImage(image);
    await writeFile(`${OUT_DIR}${image.file}`, jpeg);
    total += jpeg.length;
  }
  console.log(
    `make-demo-images: wrote ${DEMO_IMAGES.length} images (${Math.round(total / 1024)} KB) to data/images/`,
  );
}

await main();
