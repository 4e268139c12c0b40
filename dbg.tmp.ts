import { parseCsv } from './tools/csvInput';
for (const t of ['a,b\r\nc,"d\r\ne\r\nf,g', 'a,b\nc,d\n"x,y', 'a\r\n"b""c",d\r\ne,"f']) { try { console.log(parseCsv(t)); } catch (e) { console.log((e as Error).message); } }
