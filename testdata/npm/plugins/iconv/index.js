// CommonJS plugin converting between UTF-8 and legacy code pages with iconv-lite.
const iconv = require('iconv-lite');
const { Readable } = require('stream');

module.exports = {
    info: { id: 'iconv', name: 'iconv', description: 'iconv-lite code pages and streams' },
    async init(router) {
        router.get('/win1251', async (req, res) => {
            const encoded = iconv.encode('Привет, мир!', 'win1251');
            const chunks = [];
            const decoder = Readable.from([Buffer.from([0xcf, 0xf0, 0xe8]), Buffer.from([0xe2, 0xe5, 0xf2])])
                .pipe(iconv.decodeStream('cp1251'));
            for await (const chunk of decoder) chunks.push(chunk);
            res.json({
                hex: encoded.toString('hex'),
                isBuffer: Buffer.isBuffer(encoded),
                roundTrip: iconv.decode(encoded, 'windows-1251'),
                streamed: chunks.join(''),
                exists: [iconv.encodingExists('cp1251'), iconv.encodingExists('nope-42')],
                utf16: iconv.encode('hé', 'utf16le').toString('hex'),
                latin1: iconv.decode(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'iso-8859-1'),
                koi8: iconv.encode('Ж', 'koi8-r').toString('hex'),
                shiftJis: iconv.decode(Buffer.from('82a082a2', 'hex'), 'shift_jis'),
            });
        });
    },
};
