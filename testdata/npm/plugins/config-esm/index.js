// ES module plugin ("type": "module"): a YAML configuration validated with zod.
import YAML from 'yaml';
import { z } from 'zod';

export const info = { id: 'config-esm', name: 'Config', description: 'yaml and zod' };

const source = `# plugin settings
name: demo
port: 8080
tags: [a, b]
limits: &defaults
  rpm: 60
  burst: 5
premium:
  <<: *defaults
  rpm: 600
`;

const Limits = z.object({ rpm: z.number().int().positive(), burst: z.number().int().min(1) });
const Config = z.object({
    name: z.string().min(2),
    port: z.number().int().max(65535),
    tags: z.array(z.string()),
    limits: Limits,
    premium: Limits,
    mode: z.enum(['fast', 'safe']).default('safe'),
});

export async function init(router) {
    router.get('/config', (req, res) => {
        const doc = YAML.parseDocument(source, { merge: true });
        const parsed = Config.parse(doc.toJS());
        res.json({
            parsed,
            stringified: YAML.stringify({ name: parsed.name, tags: parsed.tags, nested: { on: true, n: null } }),
        });
    });
    // The host's global JSON parser has filled req.body.
    router.post('/validate', (req, res) => {
        const result = Config.safeParse(req.body);
        if (result.success) return res.json({ ok: true, data: result.data });
        res.status(422).json({
            ok: false,
            issues: result.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
        });
    });
    router.get('/yaml-error', (req, res) => {
        try {
            YAML.parse('a: [1, 2');
            res.json({ threw: false });
        } catch (e) {
            res.json({ threw: true, name: e.name, code: e.code });
        }
    });
}
