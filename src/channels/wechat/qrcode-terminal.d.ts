// Minimal typings for qrcode-terminal 0.12 (the package ships none).
declare module 'qrcode-terminal' {
  interface GenerateOptions {
    small?: boolean;
  }
  const qrcodeTerminal: {
    generate(input: string, opts?: GenerateOptions, callback?: (output: string) => void): void;
    setErrorLevel(level: 'L' | 'M' | 'Q' | 'H'): void;
  };
  export default qrcodeTerminal;
}
