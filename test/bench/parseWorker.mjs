// Worker for the bench's parse pool: parses the Lua files it is given with bare luaparse (Lua
// 5.3, bytes as latin1, BOM skipped) and reports how many parsed, failed and how many bytes.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import luaparse from 'luaparse';

parentPort.on('message', (files) => {
  let bytes = 0;
  let failed = 0;
  for (const file of files) {
    let buf = readFileSync(file);
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    bytes += buf.length;
    try {
      luaparse.parse(buf.toString('latin1'), { luaVersion: '5.3', encodingMode: 'pseudo-latin1' });
    } catch {
      failed += 1;
    }
  }
  parentPort.postMessage({ files: files.length, bytes, failed });
});
