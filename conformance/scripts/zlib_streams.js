// Differential script: zlib streams on input Node 20 compressed (the fixtures below), so decompressed
// chunking, bytesWritten, truncation and gzip members can be compared exactly; compressing streams
// print only what does not depend on the compressed bytes (pluginhost's differ from Node's).
'use strict';
const zlib = require('zlib');
const { pipeline, PassThrough, Readable, Writable } = require('stream');

// The text the fixtures hold, generated the same way on both sides.
function text(size, seed) {
  const words = ['zlib', 'stream', 'plugin', 'gzip', 'deflate', 'window', 'huffman', 'the', 'a', 'of', 'brotli', 'buffer'];
  let x = seed;
  const parts = [];
  let n = 0;
  while (n < size) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const w = words[x % words.length] + (x % 11 === 0 ? '\n' : ' ');
    parts.push(w);
    n += w.length;
  }
  return Buffer.from(parts.join('').slice(0, size));
}
const plain = text(8000, 11);

// zlib.gzipSync(plain), zlib.deflateSync(plain, { level: 1 }) and zlib.brotliCompressSync(plain,
// quality 4), made by Node 20.
const fixtures = {
  gz: Buffer.from([
    'H4sIAAAAAAAAA52ZSW4cMQxF9zqFr8bANmDAQDZe5fRBqruqRPJ9kh0YcHdNKg5/kNT2Zsve/v29f3x+28/H9fnn++vXdWDH',
    '4TrO2XZWf7fnM4+vyx0+71t+9PPjvGrhvD1ef/1bItIQc8zLfHjuYTfiHf2kNkeO7jpmBYNZF8NZkD0q9T2V9DoRmxei2ofZ',
    'Mt+LngKvrkF1KQCKfe92BFV4KAxNvcK6Wi5Q2WN9IAd4xg/4kx2+gbSVJdCT8GMFIPxosnI+p5XZzNSokgKeL1X1WKWl+1LR',
    'RYQjSSE1LoIE2LGLi1CyTMIR6PpmF+wCJAxUySmlxUOVHWm/Q38sD57UyXYwYyVZKeD+TWU/EiyED5lL3qG+6TOVmmA58aHG',
    '1R6iXjqv8DOhZ66ndvxlo2AFIWBmx5sIZ/eJzF/bex1Et/KgLRa8G7mJjnLTa6xBZ2Zkp0YK3utt8uP71hdLLyZizuYjIlk4',
    'G16/IPqJU1gBE4JC3CdQiHYdH78/fV+Sl6iwS7XwTRe3izpRDvnMS4gu3VCq1/8wHW1b3xT6KnLVCVe1r5BgwSWa8mtwtpW5',
    '51qJgTAPa/lPbjaYki/BZ4Fy75za/1e3giM+oOkVxqqtUftLJ7R5ZLkgYhW7JAneRRrXNXZBZSKS5tjjCcx0hSuBlfcOCl45',
    'MylptUkx1S+7KsyJXxTIiiwTIK8YEhZ8AtksLdIvzuKXqzJfc5EvT+ahr9KLUH3g8bhbVKt0gSoCDOlRkb87OMGmyOUanco3',
    'sT8lTgtgs65LCRdhJVzPZkBTX5U/k3SN+yH18JvNEWkK5MYJoXshzlAFV/w4cYDMQMKYatVAZIYKtHlp6nXYwq0US0HDqXDv',
    'z4yGXBzwihHVWUKwMSJRB1u5G9sPBvpisLDWpeKFedgnDCYYKhvrStiKsy1qrtouc/f2i8viBuJp1E40EBDvPK/YR0VroVfw',
    'rokUFDUBurU3x5zeLcmPhlqK5JiLIr1mhlvro5ShnG3tgC2EGNJiegKWxbNBNL30Y0WQ7HhjqnSHrQjbSABkYYjpibZKVibq',
    'yXrIHirvg/1+6FOPFUqiN5vUz9hGmR4Cv+LaYCui2xcp9EXk7xOjX0DVZl6AFxdKkEctJG4S5Aft8i3jXYmBwfJbYXEA0Gz0',
    'qe2m/QVARnPJQB8AAA==',
  ].join(''), 'base64'),
  zz: Buffer.from([
    'eAGFmE2OXDEIhPd9irlaR8lIkUbKJqucPjLmqwLsl2ikxkBR/Jj3upP3x/v1/lh/3398fr1//5D88/Xzm5T3x1JfYTO0hs3z',
    '0hP+zhxSM9WLlEIGAm9h2JE7fZzXh8JrVGkkayYJctHuPzGpTTD2bCR25MgY6ppj81+7KvUBThwq0jWkpbSfITvvHnOeiVZy',
    'GeblRYC83Jaz5pRKVsDI9798pSrwo0SnujmS3DOddxZBg3phMD3JTHYMaOJPfhDN85gw560tJdoBwdPIQlmLZNd8PB1uwtV2',
    'iWjnzmYU0TvlDsG2c0prrwcz1GG7qupPBo1AtRg+IegHQvearVIdMvKiOHqYQ/2nt+y0xqpDbW6d6QzJPWi5Rj7ZKXTKAz8B',
    'q5ReDogMvWzCQCQwRHWNJooKSuUfZXqkid1jRIGg5hQ/zoNjL+Xq9oRUprLvy1zew1kw4UgTYnmSkSZIdeKOZVAjoo3mbS4F',
    'kSeChb/0Z9/uoc1T+KCBs958cwDIpOvrGFO/UawbWMoOQ1oBIcOcyusdf7iQ/X1iMvybuVwjdJW7rMHJANOTVJ8AFsWeac63',
    'OVD6k5ZlJheYuxUvMlAoTzIebd7+CbpfPAw9eVaWRjDBOqeHkyzeNzy2bD52ZtSnXSRuSmZIvAKStrO3p8sljJkPdaYMSoyJ',
    'NVd410cbbdl2R+7Y4koyUxjbkobilKDSHOLXZ77K08l8kLz9WmxLYn6fQO9Lf4ADGu4x1fA2yLMC45QRoRtIDVCjq5N1OwFp',
    'OIKnNJKFKysP2KB1KvdqxwltFhSX6BO+IGuKMau4dLX185d6CwSqIILPl6U8jolCvAnarMvvsDOBLa2fFUuJpr6Us5PztshS',
    'FKlauiNmMn01oZvTNbfySDBlmTuvmL1x/RYIC84srfGnDRxSK17ztECQYUyWQWaXT4SVBMuZ/2b3ZJ6oym2ZipOYMGQW1JS6',
    'D+xneXhcUD3daS87Y5p+u6V7IKPhOvf680Y8LQ4leX99Xl+2yqp+NQl3Fz74npWGEJ+epNNCwJB7XbOyls4lpZfIQNmLOWVZ',
    'kBHnkGSoj/5g8Vutf6mVO4ZEPZu/Xp5gcSBNKOnCtqJ0RRgVXv9zolE1JArykqIFP42oTfFop7GzbGnUSgHCHnnHh0c20GXO',
    'J4YhtXdxS3O52Vcd4B71NSfkPEGr4r2kbXDEuiEF4tpJxoQDn7Z9vnWhnVoQTVTvgfbQkA7peWXH6SAPX5amLcM+SdygeJJJ',
    'BAQJsAkx126DDdzuv4MrQFOA6eoMY/Ws75JyY1zDlgGsFTXu9HqE1at+FxOOJ5kpDMwyuAXiDLClVl8bU9Iw+sMcO6sKhbKR',
    'OC5OFNomZoy5n8mMWU0mq5ZVVUMwZR1nSTz+G998OUnxhj7nWnsjoeoc1AvLzNoY3IySBVZEMtuSicmJNOC0qDWKiC8CcEm4',
    'uw4FD4MIo2DyHu/wI1hQLq0h7NWJF08OBnvK9HIVZ3nglyfrbRnTZphOcDY43v/JezKiVjGcr/QZ3nwOaaENg0fdhnd8mMin',
    'gFiFJ80hsDFjdLGXPcZnxspUzxpUvoEckRzj/vWidYqkc6Q4w2NgnarQegACLK48pIBjqwrBjNTYMSAj7vEj6wLcv0P31mYd',
    'IRI3q2BfRXM+0jVcCwgeue8X7UnWguKcBl1jNcZ5MjVjvZoJ1HVOx5FCl7qHBt7m03Lz6RqVYM56jRbbnHsEiZb1FVUvTWZw',
    'rjBcqeIVrbcifnrwTPJDq7xfND2lKk6yIecm+qXZCgFeS7ywNjcxqkeGv0fl5R0=',
  ].join(''), 'base64'),
  br: Buffer.from([
    'Gz8fAAR89hv1lfRy3fEVBMFyafBvrUg5tynckeTrIMCEfj1pq6bVbd/JDcN4dIgD1RmEILXL/ztxzp3rfv1fX596n5/hpaqX',
    'vAn81OvX+l1vKyq7G4jgoiMmba9MIYSgGMpWsspIAflPoUScBPs9XH8e6syYVVEyQ0ICebyxDLUF5lZdE7Eqn8RQHYnqgfSV',
    'P29EwCz79qdsVxIikJFz3poouG03XqgLOKWE8lz6tbVHYj2v5qBrTyplZVgHpqFciRZGEK6BUT4gLOiv99Dk1t7KLuNKjJUW',
    'bYh8uJARHaNCpnwdAkW0TEMZVAid8zpRrEkimIP5D/CwyBBXosw+CHrtz7cNq6OqbPfenmSmQjYkMkkjNsEZfiFEtKg2OIB5',
    'PFTZk7niQljw2TZfZrWtJyEe66yYnSByHejhhphDc2M8LLluyWF7qACsQu1xbeyuNr/Bl0uPZ5p9OmNmtjAf8SfCYE+ZS/JH',
    'va11yoxsszxKjlodLH29zCtP4ooDLqssORUWTOqzy3hxzzbDOd5rCZho98thpvKRtJqmMnGvQDfgX7D2XxmOgI0aIvTqWGoF',
    'qTCNEj+IGFtXdRcu/2JT2bX+c5IUlkwPSf31uzc2E3Ivdc2xuBI7T9YCSIxlHYW2VrTke0XHWwa4twE/q8JbcmKIoE0gje1B',
    '9RZaV+x88afCM3nE9QTpoSFPGL/TuiN/3uJVWP1ZrAgiYXNq6UTTiXZQE+FPoOrdmelwepo9BXUshndUSwYmy+gzOlxvIcG4',
    'M4QVeWTvMsk99p1muaqC2LZUxavo6q0tJbmjO8OpcEInERCd6UTfoO5TwQi/UYT8KVBcL1iorqww+9999yjXIr9pFiv59nA2',
    'FdkgQvGJTkRyTdmdd72RHCqP5DNmANX5U/eHWfGXK14HIsCES25OFtC55hqLhI0BrijsDxdz7c60tQHqyQStNp3Tg6zwCWcG',
    'XmD+PVTCUK3o2cZ5o/J+bM5vMWMOqYmwt+W4O0X1rv3gyWH/wbklu+haVpJdZKF6f63QhpsmsQCKM9SOMV3/RQ5CxPYZEpIn',
    'kksxclK7KsneKNeAOW5YMKs//0Xvs+WItjU9ZCwqEDpFNFEu/guWYAvvVEEqLhwJkgLVg3NQsff6ASskQR5JCIWa+sgpwl+8',
    'xVhSsFDxIFzl4N5aclmfdjgM7H3LrZCCAF9MASA8HqjQxl8Yb9iZ9Mfu+M8Gzrbzh9syTAxcRgkirnzZNtC2qO+0DlJMJe4a',
    'JHMVaFz1N8pH6RoBBSFRO9+7qkDkWSlCH+hqJy0Z6WmpDT9x0/kBVR1bHEQSmxRjsCkPNyFYUgoQq8dyv5eC1RS7V7IDC1bS',
    '22p41rtx11CInhypyJOwuO3iltQZqQjVkmGzanncS0r4dSjFemDsbEg+CDb7gSz3QlLJQoLxz7XDbNl2xOmB0zkKHHEvRxGy',
    'gywgyRYG1BE7nf2/hxfPeyk7lOFV9cTzh8jSjOhiNT09q4I54x2ArB8m',
  ].join(''), 'base64'),
};

// watch logs a stream's events, data as sizes, and resolves when it closes.
function watch(label, s) {
  return new Promise((resolve) => {
    const sizes = [];
    s.on('data', (d) => sizes.push(d.length));
    s.on('error', (e) => console.log(label, 'error', e.code, e.errno, e.message, s.bytesWritten));
    s.on('end', () => console.log(label, 'end', sizes.join(','), s.bytesWritten));
    s.on('close', () => resolve());
  });
}

function feed(s, data, n) {
  for (let i = 0; i < data.length; i += n) s.write(data.subarray(i, i + n));
  s.end();
}

module.exports = async function main() {
  for (const [label, make, data, piece] of [
    ['gunzip/64', zlib.createGunzip, fixtures.gz, 64],
    ['unzip/all', () => zlib.createUnzip({ chunkSize: 1024 }), fixtures.zz, 1 << 20],
    ['inflate/500', zlib.createInflate, fixtures.zz, 500],
    ['brotli/300', zlib.createBrotliDecompress, fixtures.br, 300],
    ['gunzip truncated', zlib.createGunzip, fixtures.gz.subarray(0, 600), 100],
    ['brotli truncated', zlib.createBrotliDecompress, fixtures.br.subarray(0, 900), 100],
    ['gunzip members', zlib.createGunzip, Buffer.concat([fixtures.gz, fixtures.gz, Buffer.alloc(3)]), 1000],
    ['gunzip garbage after', zlib.createGunzip, Buffer.concat([fixtures.gz, Buffer.from('junk')]), 1000],
    ['inflate garbage after', zlib.createInflate, Buffer.concat([fixtures.zz, Buffer.from('junk')]), 1000],
    ['inflate of gzip', zlib.createInflate, fixtures.gz, 1000],
    ['sync finish flush', () => zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }), fixtures.gz.subarray(0, 600), 100],
  ]) {
    const s = make();
    const done = watch(label, s);
    feed(s, data, piece);
    await done;
  }

  // Compressing streams: flush() delivers everything written so far, and the whole stream decodes.
  for (const [label, make, decode] of [
    ['gzip', zlib.createGzip, zlib.gunzipSync], ['deflateRaw', zlib.createDeflateRaw, zlib.inflateRawSync],
    ['brotli', zlib.createBrotliCompress, zlib.brotliDecompressSync],
  ]) {
    const s = make();
    const parts = [];
    s.on('data', (d) => parts.push(d));
    s.write(plain.subarray(0, 3000));
    await new Promise((resolve) => s.flush(resolve));
    const finishFlush = label === 'brotli' ? zlib.constants.BROTLI_OPERATION_FLUSH : zlib.constants.Z_SYNC_FLUSH;
    console.log(label, 'flushed', s.bytesWritten, decode(Buffer.concat(parts), { finishFlush }).equals(plain.subarray(0, 3000)));
    s.end(plain.subarray(3000));
    await new Promise((resolve) => s.on('end', resolve));
    console.log(label, 'ended', s.bytesWritten, decode(Buffer.concat(parts)).equals(plain), s._closed);
  }

  await new Promise((resolve) => {
    const out = [];
    pipeline(Readable.from([plain.subarray(0, 5000), plain.subarray(5000)]), zlib.createDeflate(), zlib.createInflate(),
      new Writable({ write(chunk, enc, cb) { out.push(chunk); cb(); } }),
      (err) => {
        console.log('pipeline', err, Buffer.concat(out).equals(plain));
        resolve();
      });
  });
  await new Promise((resolve) => {
    pipeline(Readable.from([fixtures.gz.subarray(0, 500)]), zlib.createGunzip(), new PassThrough(), (err) => {
      console.log('pipeline truncated', err.code, err.errno, err.message);
      resolve();
    });
  });
  {
    const s = zlib.createGzip();
    await new Promise((resolve) => s.close(resolve));
    console.log('closed', s._closed, s.destroyed);
  }
  {
    const s = zlib.createDeflate();
    const parts = [];
    s.on('data', (d) => parts.push(d));
    s.write(plain.subarray(0, 4000));
    await new Promise((resolve) => s.params(9, zlib.constants.Z_HUFFMAN_ONLY, resolve));
    s.end(plain.subarray(4000));
    await new Promise((resolve) => s.on('end', resolve));
    console.log('params', s._level, s._strategy, zlib.inflateSync(Buffer.concat(parts)).equals(plain));
  }
  {
    const s = zlib.createInflate({ highWaterMark: 256, chunkSize: 256 });
    s.end(fixtures.zz);
    await new Promise((resolve) => setTimeout(resolve, 10));
    console.log('paused', s.readableLength, s.bytesWritten < fixtures.zz.length);
    let n = 0;
    for await (const chunk of s) n += chunk.length;
    console.log('drained', n, s.bytesWritten);
  }
};
