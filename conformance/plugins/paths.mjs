// Path syntax fixture (single-file ESM): Express 4 paths (path-to-regexp 0.1.x) — named, optional,
// custom-group and star params, regex characters, arrays and RegExp paths. Every route echoes the
// pattern it matched, req.params and its own keys (JSON drops keys whose value is undefined).

export const info = {
    id: 'paths',
    name: 'Path syntax fixture',
    description: 'Exercises Express 4 path-to-regexp syntax',
};

const patterns = [
    '/plain',
    '/opt/:a/:b?',
    '/num/:n(\\d+)',
    '/url/:url(*)',
    '/star/*',
    '/file/:name.:ext',
    '/fmt/:name.:format?',
    '/user/:user*',
    '/f/*.*',
    '/u(s)?/:id',
    '/ab?cd',
    '/xy+z',
    '/lit/\\d+',
    '/wild/*/user/:id',
    ['/arr1', '/arr2/:x'],
    /^\/re(\d+)$/,
    /^\/rx\/([a-z]+)\/(\d+)/i,
    '/items/:id',
    '/range/:from-:to',
    '/enc/:p/:q',
    '/dots/:a.:b.:c',
    '/Case/Mixed',
];

function echo(pattern) {
    return (req, res) => res.json({ pattern: String(pattern), params: req.params, keys: Object.keys(req.params), url: req.url });
}

export function init(router) {
    for (const pattern of patterns) {
        router.get(pattern, echo(pattern));
    }
    try {
        const named = new RegExp('^\\/named\\/(?<slug>[a-z]+)$');
        router.get(named, echo(named));
    } catch (error) {
        console.error(`named groups unsupported: ${error.message}`);
    }
    router.get('*', echo('*'));
}
