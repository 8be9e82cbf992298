// Cuts Noto Sans SC down to the characters chart labels can need (see assets/fonts/README.md).
// Run once, outside the project, with subset-font and the full font installed beside it.
import subsetFont from 'subset-font';
import { readFileSync, writeFileSync } from 'node:fs';
const gb = new TextDecoder('gbk');
let chars = '';
// GB2312: rows 0xA1-0xA9 (symbols, punctuation, full-width forms) and 0xB0-0xF7 (6,763 hanzi)
for (let hi = 0xa1; hi <= 0xf7; hi++) {
  if (hi > 0xa9 && hi < 0xb0) continue;
  for (let lo = 0xa1; lo <= 0xfe; lo++) chars += gb.decode(new Uint8Array([hi, lo]));
}
for (let c = 0x20; c < 0x7f; c++) chars += String.fromCharCode(c);
chars += '·—–…“”‘’←→↑↓±×÷≈≤≥€£¥™•✔✘~～%‰°│─═';
// Every character the project's data and sources use.
for (const f of process.argv.slice(2)) chars += readFileSync(f, 'utf8');
const unique = [...new Set([...chars])].filter((c) => c !== '\ufffd').join('');
const font = readFileSync('NotoSansSC_400Regular.ttf');
const out = await subsetFont(font, unique, { targetFormat: 'truetype' });
writeFileSync('NotoSansSC-Subset.ttf', out);
console.log('chars', [...unique].length, 'bytes', out.length);
