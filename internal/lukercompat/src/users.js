// Stand-in for Luker's src/users.js: a user's data folders and the list of users.
// host.directories(handle) is the folders object (created on first use), host.handles() the handles.
(function (host, exports) {
    'use strict';

    // Luker caches each user's object, so every call for a handle returns the same one.
    const cache = new Map();

    function getUserDirectories(handle) {
        if (!cache.has(handle)) {
            cache.set(handle, host.directories(handle));
        }
        return cache.get(handle);
    }

    async function getAllUserHandles() {
        return host.handles();
    }

    async function getUserDirectoriesList() {
        const handles = await getAllUserHandles();
        return handles.map(handle => getUserDirectories(handle));
    }

    Object.assign(exports, { getUserDirectories, getAllUserHandles, getUserDirectoriesList });
})
