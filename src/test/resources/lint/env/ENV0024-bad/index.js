// the connection settings are hard-coded: the stack's postgres is never reached
const pool = new Pool({ host: 'localhost', port: 5432, database: 'shop' });
const port = process.env.PORT || 3000;
