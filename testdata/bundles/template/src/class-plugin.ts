// A plugin whose default export is a class instance: info, init and exit are fields (init an arrow
// function, so `this` is the instance however the host calls it). Built with libraryTarget
// 'commonjs2' + libraryExport 'default': module.exports is the instance.
import bodyParser from 'body-parser';
import { Router } from 'express';

class ClassPlugin {
    info = { id: 'class-plugin', name: 'Class plugin', description: 'A class instance exported as module.exports' };
    private calls = 0;

    init = async (router: Router): Promise<void> => {
        router.post('/count', bodyParser.json(), (req, res) => {
            this.calls++;
            res.json({ calls: this.calls, body: req.body });
        });
    };

    exit = async (): Promise<void> => {
        this.calls = 0;
    };
}

export default new ClassPlugin();
