import { Type, ValidationError } from '@mikro-orm/core';
import { Decimal } from 'decimal.js';

/** numeric(18,2) ↔ decimal.js. Refuses a third decimal instead of letting PostgreSQL round it silently. */
export class AmountType extends Type<Decimal | null | undefined, string | null | undefined> {
  override convertToDatabaseValue(value: Decimal | null | undefined): string | null | undefined {
    if (value == null) return value;
    if (value.decimalPlaces() > 2) throw ValidationError.invalidType(AmountType, value, 'JS');
    return value.toFixed(2);
  }

  override convertToJSValue(value: string | null | undefined): Decimal | null | undefined {
    return value == null ? value : new Decimal(value);
  }

  override compareAsType(): string {
    return 'string';
  }

  /**
   * What the entity holds is a Decimal, not the string it is compared as: without this, `em.assign` on a loaded row
   * refuses a Decimal ("of type 'string'"), so replacing a dated parameter set answered 500 (found by the contract run).
   */
  override get runtimeType(): string {
    return 'Decimal';
  }

  override getColumnType(): string {
    return 'numeric(18,2)';
  }
}
