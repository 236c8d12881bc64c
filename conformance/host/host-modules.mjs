// Module resolve hook registered by server.mjs: a bare specifier that a plugin
// cannot resolve from its own location is retried from the host's directory, as
// if the plugin lived inside the host like Luker's plugins/ folder does.
let hostURL;

export function initialize({ parentURL }) {
    hostURL = parentURL;
}

export async function resolve(specifier, context, nextResolve) {
    try {
        return await nextResolve(specifier, context);
    } catch (error) {
        const bare = !/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(specifier);
        if (!bare || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
        return nextResolve(specifier, { ...context, parentURL: hostURL });
    }
}
