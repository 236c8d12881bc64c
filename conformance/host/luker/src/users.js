// Luker's src/users.js with user accounts disabled: the default user alone, its folders under
// globalThis.DATA_ROOT.
import path from 'node:path';

import { DEFAULT_USER, USER_DIRECTORY_TEMPLATE } from './constants.js';

const DIRECTORIES_CACHE = new Map();

export async function getAllUserHandles() {
    return [DEFAULT_USER.handle];
}

export function getUserDirectories(handle) {
    if (DIRECTORIES_CACHE.has(handle)) {
        return DIRECTORIES_CACHE.get(handle);
    }
    const directories = structuredClone(USER_DIRECTORY_TEMPLATE);
    for (const key in directories) {
        directories[key] = path.join(globalThis.DATA_ROOT, handle, USER_DIRECTORY_TEMPLATE[key]);
    }
    DIRECTORIES_CACHE.set(handle, directories);
    return directories;
}

export async function getUserDirectoriesList() {
    const handles = await getAllUserHandles();
    return handles.map(handle => getUserDirectories(handle));
}
