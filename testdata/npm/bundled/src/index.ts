// Source of the plugin that npm_test.go bundles with esbuild into one CommonJS file, as the
// SillyTavern webpack template does: body-parser and chalk are inlined (the bundle carries its own
// body-parser, with raw-body, iconv-lite, http-errors... instead of the host's), and so are the
// other packages. Only Node built-ins stay require() calls.
import bodyParser from 'body-parser';
import { Chalk } from 'chalk';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import groupBy from 'lodash/groupBy';
import { v5 as uuidv5 } from 'uuid';
import YAML from 'yaml';
import { z } from 'zod';
import type { Request, Response, Router } from 'express';

dayjs.extend(utc);

interface PluginInfo {
    id: string;
    name: string;
    description: string;
}

const chalk = new Chalk({ level: 0 });
const MODULE_NAME = '[bundled-plugin]';
const Ping = z.object({ message: z.string().min(1) });

export async function init(router: Router): Promise<void> {
    const jsonParser = bodyParser.json();
    router.post('/probe', (_req: Request, res: Response) => {
        res.sendStatus(204);
    });
    // The host parsed JSON already; bodyParser.json() sees req._body and skips.
    router.post('/ping', jsonParser, (req: Request, res: Response) => {
        const parsed = Ping.safeParse(req.body);
        if (!parsed.success) {
            return res.status(400).json({ error: parsed.error.issues[0].message });
        }
        return res.json({ message: `Pong! ${parsed.data.message}` });
    });
    // text/plain is left to the bundled body-parser, which reads the request stream itself.
    router.post('/text', bodyParser.text(), (req: Request, res: Response) => {
        res.json({ text: req.body, upper: String(req.body).toUpperCase() });
    });
    router.get('/mix', (_req: Request, res: Response) => {
        res.json({
            date: dayjs.utc('2024-02-29T13:05:09Z').format('YYYY-MM-DD HH:mm'),
            groups: groupBy([1.2, 1.7, 2.1, 3.5], Math.floor),
            id: uuidv5('bundled', uuidv5.URL),
            yaml: YAML.stringify({ list: [1, 'two'] }),
            plain: chalk.red(MODULE_NAME),
        });
    });
    console.log(chalk.green(MODULE_NAME), 'Plugin loaded!');
}

export async function exit(): Promise<void> {
    console.log(chalk.yellow(MODULE_NAME), 'Plugin exited');
}

export const info: PluginInfo = {
    id: 'bundled',
    name: 'Bundled plugin',
    description: 'npm dependencies bundled into one CommonJS file with esbuild',
};

const plugin = { init, exit, info };

export default plugin;
