'use strict';

const express = require('express');
const { Pool } = require('pg');
const { createClient } = require('redis');

const port = Number(process.env.PORT || 3000);
const logLevel = process.env.LOG_LEVEL || 'info';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const redis = createClient({ url: process.env.REDIS_URL });
redis.on('error', (err) => log('error', `redis: ${err.message}`));

function log(level, message) {
  const order = ['debug', 'info', 'warn', 'error'];
  if (order.indexOf(level) >= order.indexOf(logLevel)) {
    console.log(JSON.stringify({ time: new Date().toISOString(), level, message }));
  }
}

const app = express();

app.get('/health', (req, res) => {
  res.status(200).type('text/plain').send('ok');
});

app.get('/', async (req, res) => {
  try {
    const db = await pool.query('select 1 as one');
    const pong = await redis.ping();
    res.json({ postgres: db.rows[0].one === 1 ? 'ok' : 'unexpected', redis: pong });
  } catch (err) {
    log('error', err.message);
    res.status(503).json({ error: err.message });
  }
});

async function main() {
  await redis.connect();
  const server = app.listen(port, () => log('info', `listening on port ${port}`));
  const stop = () => {
    log('info', 'shutting down');
    server.close(() => {
      Promise.allSettled([pool.end(), redis.quit()]).then(() => process.exit(0));
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  log('error', err.message);
  process.exit(1);
});
