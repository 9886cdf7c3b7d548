// A mistake on a script's command line is one line naming the option and what it accepts, with exit status 2:
// never a stack trace, and never a count read some other way than it is written (0x10 is not sixteen).
import { describe, expect, it } from 'vitest';
import { commandLine, decimal, UsageError, wholeNumber } from '../../scripts/lib/args.ts';

describe('wholeNumber', () => {
  it.each(['-1', '0x10', '0', '1e3', '1.5', ' 3', '3 ', '+3', '', '99999999999999999999', '0o7', 'Infinity', '١٢'])('refuses %j', (text) => {
    expect(() => wholeNumber('--regions', text, 1, 3302)).toThrow(UsageError);
    expect(() => wholeNumber('--regions', text, 1, 3302)).toThrow(`--regions ${JSON.stringify(text)}: expected a whole number from 1 to 3302`);
  });
  it('refuses a count above the most the option allows', () => expect(() => wholeNumber('--years', '31', 1, 30)).toThrow('from 1 to 30'));
  it('takes decimal digits as written', () => {
    expect(wholeNumber('--regions', '16', 1, 3302)).toBe(16);
    expect(wholeNumber('--regions', '010', 1, 3302)).toBe(10);
  });
});

describe('decimal', () => {
  it.each(['0x1', '1e-2', '-0.1', '0', '.5', '5.', '1.2.3', '2'])('refuses %j', (text) => expect(() => decimal('--levels', text, 0, 1.03)).toThrow(UsageError));
  it('takes a decimal fraction', () => expect(decimal('--levels', '0.03', 0, 1.03)).toBe(0.03));
});

describe('commandLine', () => {
  const options = { regions: { type: 'string' }, keep: { type: 'boolean' } } as const;
  it('takes a dash-shaped value as the value, so that it is refused for what it is', () => {
    expect(commandLine(options, ['--regions', '-1']).values.regions).toBe('-1');
    expect(() => commandLine(options, ['--regions', '--keep'])).toThrow('--regions: needs a value');
    expect(() => commandLine(options, ['--regions'])).toThrow('--regions: needs a value');
  });
  it('names an unknown option and an unexpected argument in one line', () => {
    expect(() => commandLine(options, ['--region', '3'])).toThrow(/^Unknown option '--region'/);
    expect(() => commandLine(options, ['3'])).toThrow(/Unexpected argument '3'/);
  });
});
