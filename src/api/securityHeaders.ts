// Security headers on every answer (helmet), with a content security policy the built console runs
// under: its own scripts and styles only, inline style attributes (Element Plus positions popups and
// sets widths with them), images from itself or data: URLs (the WeChat login QR code), nothing
// framed, nothing sent elsewhere. No upgrade-insecure-requests: a county may serve plain HTTP on its
// own network, where it would break every page. A page with an inline script (the simulator) names
// it by its hash (inlineScriptPolicy).
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

const DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export function securityHeaders(): RequestHandler {
  return helmet({ contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES } });
}

/** The policy for one page whose inline <script> blocks are these (allowed by their hashes only). */
export function inlineScriptPolicy(html: string): RequestHandler {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
  return helmet.contentSecurityPolicy({ useDefaults: false, directives: { ...DIRECTIVES, scriptSrc: ["'self'", ...hashes] } });
}
