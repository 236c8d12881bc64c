const fs = require('fs');
const path = require('path');

const CONFIG_PATH = path.join(__dirname, 'config.json');

const info = {
    id: 'llm-proxy',
    name: 'LLM API Proxy',
    description: 'Proxies LLM API requests with server-side credential storage',
};

let config = null;

function loadConfig() {
    try {
        if (fs.existsSync(CONFIG_PATH)) {
            config = JSON.parse(fs.readFileSync(CONFIG_PATH, 'utf-8'));
        }
    } catch (err) {
        console.error(`[${info.id}] Failed to load config:`, err.message);
    }
}

async function init(router) {
    loadConfig();

    // Return plugin status (without exposing the API key)
    router.get('/status', (req, res) => {
        res.json({
            configured: !!config?.apiKey,
            model: config?.model || 'not set',
        });
    });

    // Update configuration
    router.post('/config', (req, res) => {
        const { apiUrl, apiKey, model } = req.body;
        if (!apiUrl || !apiKey || !model) {
            return res.status(400).json({ error: 'Missing required fields: apiUrl, apiKey, model' });
        }
        config = { apiUrl, apiKey, model };
        fs.writeFileSync(CONFIG_PATH, JSON.stringify(config, null, 2));
        res.json({ ok: true });
    });

    // Proxy LLM requests
    router.post('/chat', async (req, res) => {
        if (!config?.apiKey) {
            return res.status(503).json({ error: 'Plugin not configured. Set config via POST /config first.' });
        }

        const { messages, temperature } = req.body;
        if (!messages || !Array.isArray(messages)) {
            return res.status(400).json({ error: 'Missing or invalid messages field' });
        }

        try {
            const response = await fetch(config.apiUrl, {
                method: 'POST',
                headers: {
                    'Content-Type': 'application/json',
                    'Authorization': `Bearer ${config.apiKey}`,
                },
                body: JSON.stringify({
                    model: config.model,
                    messages,
                    temperature: temperature ?? 0.7,
                }),
                signal: AbortSignal.timeout(120_000),
            });

            if (!response.ok) {
                const body = await response.text();
                return res.status(502).json({ error: `Upstream API error (${response.status}): ${body.slice(0, 200)}` });
            }

            const data = await response.json();
            const text = data?.choices?.[0]?.message?.content;
            if (!text) {
                return res.status(502).json({ error: 'Upstream API returned empty response' });
            }

            res.json({ text });
        } catch (err) {
            if (err.name === 'AbortError' || err.name === 'TimeoutError') {
                return res.status(504).json({ error: 'Upstream API request timed out' });
            }
            console.error(`[${info.id}] Chat request failed:`, err.message);
            res.status(500).json({ error: 'Internal error' });
        }
    });

    console.log(`[${info.id}] Plugin loaded. Configured: ${!!config?.apiKey}`);
}

async function exit() {
    console.log(`[${info.id}] Plugin unloaded.`);
}

module.exports = { init, exit, info };
