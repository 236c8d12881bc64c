const express = require('express');

module.exports = {
    info: { id: 'echo', name: 'Echo', description: 'echoes what the router sees' },
    init(router) {
        router.all('/body', (req, res) => res.json({ body: req.body, method: req.method }));
        router.post('/own-parser', express.json({ limit: 10 }), (req, res) => res.json({ body: req.body }));
        router.get('/params/:id', (req, res) => res.json({ id: req.params.id, q: req.query, baseUrl: req.baseUrl, url: req.url, originalUrl: req.originalUrl }));
        router.get('/pass', (req, res, next) => next());
        router.get('/hang', (req, res) => console.log('hang reached'));
        router.get('/user', (req, res) => res.json({ user: req.headers['x-user'] || null }));
    },
};
