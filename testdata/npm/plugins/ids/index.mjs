// ES module plugin: uuid (dual package, "exports" conditions) and nanoid@5 (ESM-only).
import { v4 as uuidv4, v5 as uuidv5, validate, version, NIL } from 'uuid';
import { nanoid, customAlphabet, urlAlphabet } from 'nanoid';

export const info = { id: 'ids', name: 'IDs', description: 'uuid and nanoid identifiers' };

export async function init(router) {
    router.get('/uuid', (req, res) => {
        const v4 = uuidv4();
        res.json({
            v4,
            v4Valid: validate(v4),
            v4Version: version(v4),
            distinct: uuidv4() !== v4,
            v5Dns: uuidv5('example.com', uuidv5.DNS),
            v5Url: uuidv5('https://example.com/plugin', uuidv5.URL),
            nil: NIL,
            invalid: validate('not-a-uuid'),
        });
    });
    router.get('/nanoid', (req, res) => {
        const hex = customAlphabet('0123456789abcdef', 12);
        res.json({
            id: nanoid(),
            short: nanoid(8),
            hex: hex(),
            alphabetLength: urlAlphabet.length,
        });
    });
}
