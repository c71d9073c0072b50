const express = require('express');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const { SESSION_SECRET, LOG_LEVEL = 'info' } = process.env;
const port = Number(process.env.PORT || 8080);

if (!SESSION_SECRET) {
  console.error('SESSION_SECRET is not set');
  process.exit(1);
}

const app = express();

app.get('/healthz', (req, res) => res.send('ok'));

app.get('/orders', async (req, res) => {
  const { rows } = await pool.query('select now() as at');
  res.json({ orders: [], at: rows[0].at, logLevel: LOG_LEVEL });
});

app.listen(port, () => console.log(`api listening on ${port}`));
