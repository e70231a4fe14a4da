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
    expect(loadConfig({ NODE_ENV: 'production' }).SIMULATOR_ENABLED).toBe(false);
  });
});
