// The SillyTavern plugin template's build: TypeScript through ts-loader, for Node, one CommonJS file
// whose exports are the source's default export (libraryTarget 'commonjs' + libraryExport 'default':
// webpack copies the default export's properties onto `exports`). The second configuration builds a
// class-instance plugin with 'commonjs2' (`module.exports = instance`).
const path = require('path');

const base = {
    target: 'node',
    module: {
        rules: [{ test: /\.tsx?$/, use: 'ts-loader', exclude: /node_modules/ }],
    },
    resolve: { extensions: ['.ts', '.js'] },
};

module.exports = [
    {
        ...base,
        entry: './src/index.ts',
        output: {
            path: path.resolve(__dirname, 'dist'),
            filename: 'plugin.js',
            libraryTarget: 'commonjs',
            libraryExport: 'default',
        },
    },
    {
        ...base,
        entry: './src/class-plugin.ts',
        output: {
            path: path.resolve(__dirname, 'dist'),
            filename: 'class-plugin.js',
            libraryTarget: 'commonjs2',
            libraryExport: 'default',
        },
    },
];
