// Module resolve hook registered by server.mjs: a bare specifier that a plugin
// cannot resolve from its own location is retried from each of parentURLs in
// turn (files beside the shared node_modules folders, then the host's own), as if
// the plugin lived inside the host like Luker's plugins/ folder does.
let parentURLs;

export function initialize(data) {
    parentURLs = data.parentURLs;
}

export async function resolve(specifier, context, nextResolve) {
    try {
        return await nextResolve(specifier, context);
    } catch (error) {
        const bare = !/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(specifier);
        if (!bare || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
        for (const parentURL of parentURLs.slice(0, -1)) {
            try {
                return await nextResolve(specifier, { ...context, parentURL });
            } catch (retryError) {
                if (retryError?.code !== 'ERR_MODULE_NOT_FOUND') throw retryError;
            }
        }
        return nextResolve(specifier, { ...context, parentURL: parentURLs.at(-1) });
    }
}
