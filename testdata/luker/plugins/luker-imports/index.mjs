// Imports Luker's own modules by relative path, from the plugins folder into Luker's src/, as plugins
// written inside a Luker checkout do.
import path from 'node:path';

import { jsonParser, urlencodedParser } from '../../src/express-common.js';
import { delay, getConfigValue, keyToEnv, toBoolean, tryParse, uuidv4 } from '../../src/util.js';
import { getAllUserHandles, getUserDirectories, getUserDirectoriesList } from '../../src/users.js';

export const info = { id: 'luker-imports', name: 'Luker imports', description: 'imports ../../src/*.js' };

export async function init(router) {
    router.post('/echo', jsonParser, urlencodedParser, (req, res) => res.json({ body: req.body }));
    router.get('/util', async (req, res) => {
        const uuid = uuidv4();
        const waited = await delay(5);
        res.json({
            uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid),
            unique: uuid !== uuidv4(),
            waited: waited === undefined,
            sameParser: jsonParser === urlencodedParser,
            config: {
                name: getConfigValue('pluginTest.name', 'default'),
                count: getConfigValue('pluginTest.count', 0, 'number'),
                badNumber: getConfigValue('pluginTest.name', 7, 'number'),
                flag: getConfigValue('pluginTest.flag', false, 'boolean'),
                flagString: getConfigValue('pluginTest.flagString', false, 'boolean'),
                second: getConfigValue('pluginTest.list[1]'),
                nested: getConfigValue('pluginTest.nested.deep', 'default'),
                section: getConfigValue('pluginTest.nested'),
                nullValue: getConfigValue('pluginTest.nullValue', 'default'),
                dotted: getConfigValue('dotted.key', 'default'),
                missing: getConfigValue('missing.key', 'fallback'),
                missingNoDefault: getConfigValue('missing.key'),
                fromEnv: getConfigValue('pluginTest.override', 'default'),
                fromEnvJSON: getConfigValue('pluginTest.overrideJSON', { a: 0 }),
            },
        });
    });
    router.get('/helpers', (req, res) => {
        res.json({
            keyToEnv: keyToEnv('extensions.models.speechToText'),
            toBoolean: [' True ', 'false', 'no', '', 0, 1, null, {}].map(toBoolean),
            tryParse: [tryParse('{"a":[1]}'), tryParse('{bad') === undefined],
        });
    });
    router.get('/users', async (req, res) => {
        const handles = await getAllUserHandles();
        const dirs = getUserDirectories(handles[0]);
        const list = await getUserDirectoriesList();
        res.json({
            handles,
            keys: Object.keys(dirs),
            cached: dirs === getUserDirectories(handles[0]),
            listed: list.length === 1 && list[0] === dirs,
            chats: path.relative(globalThis.DATA_ROOT, dirs.chats),
            sameAsRequest: JSON.stringify(dirs) === JSON.stringify(req.user.directories),
        });
    });
}
