// Static fixture (single-file CommonJS): express.static serving the response fixture's files, with
// and without options, behind the router's prefix stripping.
const path = require('node:path');
const express = require('express');

const files = path.join(__dirname, 'response', 'files');

module.exports = {
    info: { id: 'static', name: 'Static fixture', description: 'Serves files with express.static' },
    init(router) {
        router.use('/plain', express.static(files));
        router.use('/opts', express.static(files, { index: 'page.html', extensions: ['txt'], dotfiles: 'allow', maxAge: 1000, redirect: false }));
        router.use('/fallthrough', express.static(files, { fallthrough: false }));
    },
};
