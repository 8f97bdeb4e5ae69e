import { ValidateBy } from 'class-validator';
import { isMoney, MAX_MONEY } from '../../shared/domain/storable.js';

/**
 * A money amount its `numeric(12,2)` column can hold: the domain's own `isMoney`, so the
 * API and the workflow validators agree. (class-validator's `maxDecimalPlaces` reads the
 * number's decimal string and throws on exponent forms such as 5e-324.)
 */
export function IsMoney(): PropertyDecorator {
  return ValidateBy({
    name: 'isMoney',
    validator: {
      validate: (value) => isMoney(value),
      defaultMessage: (args) => `${args?.property ?? 'amount'} must be a money amount from 0 to ${MAX_MONEY} with at most two decimals`,
    },
  });
}
