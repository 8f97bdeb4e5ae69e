import { Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** Inputs of mutations that a client may safely retry (a base class: unused, so not emitted as a type). */
@InputType()
export abstract class IdempotentInput {
  @Field(() => String, {
    nullable: true,
    description: 'Send the same key again to retry this action without applying it twice.',
  })
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9._:-]+$/)
  idempotencyKey?: string | null;
}
