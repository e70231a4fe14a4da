// What a console password must be: long enough, not one of the passwords every guesser tries first,
// not the user name, not one character or one run of keys over and over. Pure: the reasons are codes
// (the console words them in Chinese).
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'contains_username' | 'too_simple' | 'common';

/** The start of every list of leaked passwords (and its Chinese favourites: 5201314, woaini, pinyin names). */
const COMMON = [
  'password',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'abc123',
  'abcd1234',
  'admin',
  'administrator',
  'iloveyou',
  'woaini',
  '5201314',
  'welcome',
  'letmein',
  'changeme',
  'aa123456',
  'a123456',
  'qq123456',
  '1q2w3e4r',
  '1qaz2wsx',
  'zaq12wsx',
  'p@ssw0rd',
  'p@ssword',
  'admin123',
  'root',
  'test',
  'guest',
];

/** A run of neighbouring keys or counting characters (123456…, abcdef…, 987654…). */
function isSequence(p: string): boolean {
  let up = true;
  let down = true;
  for (let i = 1; i < p.length; i++) {
    const d = p.charCodeAt(i) - p.charCodeAt(i - 1);
    if (d !== 1) up = false;
    if (d !== -1) down = false;
  }
  return up || down;
}

/** Why this password is not taken, or undefined when it is. */
export function passwordProblem(password: string, username: string): PasswordProblem | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return 'contains_username';
  if (new Set(lower).size < 4 || isSequence(lower)) return 'too_simple';
  // a common one with some digits or a sign added before or after (password2026!, 123456789a)
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (COMMON.includes(lower) || COMMON.includes(core) || /^\d+$/.test(lower) || (core.length <= 2 && /\d{6,}/.test(lower))) return 'common';
  return undefined;
}
