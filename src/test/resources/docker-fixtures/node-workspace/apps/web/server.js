const http = require('http');
const greet = require('@shop/greet');

const port = Number(process.env.PORT || 3000);
http.createServer((req, res) => {
  if (req.url === '/health') {
    res.end(greet('web'));
    return;
  }
  res.statusCode = 404;
  res.end('not found');
}).listen(port, '0.0.0.0');
