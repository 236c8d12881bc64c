// The healthy neighbour: every fault test checks that it keeps answering.
module.exports = {
  info: { id: 'healthy', name: 'Healthy', description: 'answers while its neighbours misbehave' },
  init(router) {
    router.get('/ok', (req, res) => res.json({ ok: true }));
    router.get('/slow', (req, res) => {
      console.log('slow request started');
      setTimeout(() => res.json({ slow: 'done' }), 300);
    });
  },
};
