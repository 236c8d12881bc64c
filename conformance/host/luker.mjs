// Luker's host context for the reference host (server.mjs --luker-data DIR), as
// Luker runs with user accounts disabled: DATA_ROOT, the default user's folders
// created at start-up, req.user on every request, and process.serverEvents with
// 'server-started' once the server listens (src/server-events.js).
import { EventEmitter } from 'node:events';
import fs from 'node:fs';

import { DEFAULT_USER } from './luker/src/constants.js';
import { getUserDirectories } from './luker/src/users.js';

const serverEvents = new EventEmitter();

// lukerContext sets the globals and returns Luker's setUserDataMiddleware.
export function lukerContext(dataRoot) {
    globalThis.DATA_ROOT = dataRoot;
    process.serverEvents = serverEvents;
    for (const dir of Object.values(getUserDirectories(DEFAULT_USER.handle))) {
        fs.mkdirSync(dir, { recursive: true });
    }
    return (req, _res, next) => {
        req.user = { profile: DEFAULT_USER, directories: getUserDirectories(DEFAULT_USER.handle) };
        next();
    };
}

export function serverStarted(url) {
    serverEvents.emit('server-started', { url });
}
