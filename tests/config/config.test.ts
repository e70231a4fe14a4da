import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('loadConfig: the simulator, a demo tool', () => {
  it('is off unless a setting turns it on', () => {
    expect(loadConfig({}).SIMULATOR_ENABLED).toBe(false);
    expect(loadConfig({ SIMULATOR_ENABLED: 'true' }).SIMULATOR_ENABLED).toBe(true);
  });

  it('is refused with NODE_ENV=production, naming the setting', () => {
    expect(() => loadConfig({ SIMULATOR_ENABLED: 'true', NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ SIMULATOR_ENABLED: 'true', NODE_ENV: 'production' })).toThrow(/SIMULATOR_ENABLED: the simulator is a demo tool/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).SIMULATOR_ENABLED).toBe(false);
  });

  it('needs SESSION_SECRET with NODE_ENV=production; elsewhere makes a random one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: required with NODE_ENV=production/);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET: each key at least 32 characters/);
    const a = loadConfig({});
    expect([a.SESSION_SECRET_GENERATED, a.SESSION_SECRET.length >= 32, a.SESSION_SECRET === loadConfig({}).SESSION_SECRET]).toEqual([true, true, false]);
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default; takes hops or addresses; refuses "true", which would believe any client', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: true \(or 0.0.0.0\/0, ::\/0\) trusts every client/);
    expect(() => loadConfig({ TRUST_PROXY: 'loopback, 0.0.0.0/0' })).toThrow(/TRUST_PROXY/);
  });
});
