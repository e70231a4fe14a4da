// The staff console's built pages (console/dist, made by `npm run console:build`, which npm install and
// npm start run) under /console: files by their path, and index.html for every other path below it
// (the console's own routes, such as /console/accounts). Nothing is fetched from elsewhere at run time.
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

export function consoleRouter(dist: string): Router {
  const r = Router();
  const index = path.join(dist, 'index.html');
  // (hashed file names: kept a year; index.html always asked again)
  r.use('/console', express.static(dist, { index: false, immutable: true, maxAge: '365d', fallthrough: true }));
  const page: express.RequestHandler = (req, res) => {
    if (!fs.existsSync(index)) {
      return void res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('控制台尚未构建：请运行 npm run console:build（npm install 和 npm start 会自动构建）。');
    }
    // (a missing asset is a 404, not the page)
    if (/\.\w+$/.test(req.path)) return void res.status(404).json({ error: 'not_found', message: `no such file: ${req.path}` });
    res.set('Cache-Control', 'no-cache').sendFile(index);
  };
  r.get('/console', page);
  r.get('/console/*', page);
  return r;
}
