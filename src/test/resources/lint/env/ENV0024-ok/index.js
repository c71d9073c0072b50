// postgres through a variable the stack sets; redis at its in-stack host name
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const cache = createClient({ url: 'redis://redis:6379' });
const port = process.env.PORT || 3000;
