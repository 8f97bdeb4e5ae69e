import { IsNumber, Max, Min } from 'class-validator';
import { MAX_MONEY } from '../../shared/domain/storable.js';

/** A money amount its `numeric(12,2)` column can hold: 0 to MAX_MONEY, at most two decimals. */
export function IsMoney(): PropertyDecorator {
  return (target, key) => {
    IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })(target, key as string);
    Min(0)(target, key as string);
    Max(MAX_MONEY)(target, key as string);
  };
}
