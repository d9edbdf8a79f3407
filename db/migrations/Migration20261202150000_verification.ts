import { Migration } from '@mikro-orm/migrations';

/**
 * 待遇资格认证 (rules §8): the evidence that a beneficiary is alive and entitled — a life-proof feed's row, a
 * self-service or counter check-in — one row per source record (`source_key`), so a feed or a check-in retried applies
 * once; and the suspensions an overdue verification opens, closed (with back pay) when the person is verified again.
 * At most one open suspension per entitlement, so a sweep run twice suspends nobody twice.
 */
export class Migration20261202150000_verification extends Migration {
  override name = 'Migration20261202150000_verification';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "verification_evidence" ("id" bigserial primary key, "citizen_id" varchar(18) not null, "kind" varchar(16) not null, "verified_on" date not null, "source" varchar(100) not null, "source_key" varchar(200) not null, "import_id" bigint null, "recorded_by" varchar(64) not null, "recorded_at" timestamptz not null);`,
    );
    this.addSql(`alter table "verification_evidence" add constraint "verification_evidence_source_key_unique" unique ("source_key");`);
    this.addSql(`create index "verification_evidence_citizen_index" on "verification_evidence" ("citizen_id", "verified_on");`);
    this.addSql(`create index "verification_evidence_import_id_index" on "verification_evidence" ("import_id");`);
    this.addSql(
      `create table "benefit_suspension" ("id" bigserial primary key, "entitlement_id" uuid not null, "case_id" varchar(64) not null, "citizen_id" varchar(18) not null, "region" varchar(6) not null, "from_month" varchar(7) not null, "to_month" varchar(7) null, "resumed_in" varchar(7) null, "back_pay" boolean not null default false, "reason" varchar(200) not null, "notice_key" varchar(160) not null, "suspended_at" timestamptz not null, "resumed_at" timestamptz null, "resumed_by" varchar(64) null);`,
    );
    this.addSql(`create index "benefit_suspension_entitlement_id_index" on "benefit_suspension" ("entitlement_id");`);
    this.addSql(`create index "benefit_suspension_citizen_id_index" on "benefit_suspension" ("citizen_id");`);
    this.addSql(`create unique index "benefit_suspension_open" on "benefit_suspension" ("entitlement_id") where resumed_in is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "benefit_suspension" cascade;`);
    this.addSql(`drop table if exists "verification_evidence" cascade;`);
  }
}
