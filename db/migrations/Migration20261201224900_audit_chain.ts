import { Migration } from '@mikro-orm/migrations';

/** The audit log's hash chain per region (db/audit/audit-chain.sql.ts), and append-only ledgers. */
export class Migration20261201224900_audit_chain extends Migration {
  override name = 'Migration20261201224900_audit_chain';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "audit_entry" add column "chain" varchar(6) null, add column "chain_seq" bigint null, add column "prev_hash" varchar(64) null, add column "hash" varchar(64) null;`,
    );
    // Link the entries written before this release, oldest first, exactly as the trigger will link new ones.
    this.addSql(`alter table "audit_entry" disable trigger "audit_entry_append_only";`);
    this.addSql(
      `update "audit_entry" set "chain" = s.chain, "chain_seq" = s.n from (select id, coalesce(region, '*') as chain, row_number() over (partition by coalesce(region, '*') order by id) as n from "audit_entry") s where s.id = "audit_entry".id;`,
    );
    this.addSql(
      `do \$\$ declare r record; prev varchar(64); cur varchar(6); begin for r in select * from audit_entry order by chain, chain_seq loop if cur is distinct from r.chain then prev := '0000000000000000000000000000000000000000000000000000000000000000'; cur := r.chain; end if; update audit_entry set prev_hash = prev, hash = encode(sha256(convert_to(jsonb_build_array(prev, r.chain, r.chain_seq, r.id, to_char(r.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.actor_id, r.actor_role, r.region, r.action, r.object_type, r.object_id, r.request_id, r.detail, r.dedupe_key)::text, 'UTF8')), 'hex') where id = r.id returning hash into prev; end loop; end \$\$;`,
    );
    this.addSql(`alter table "audit_entry" enable trigger "audit_entry_append_only";`);
    this.addSql(
      `alter table "audit_entry" alter column "chain" set not null, alter column "chain_seq" set not null, alter column "prev_hash" set not null, alter column "hash" set not null;`,
    );
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_chain_link" unique ("chain", "chain_seq");`);
    this.addSql(
      `create or replace function "audit_entry_audit_entry_chain_fn"() returns trigger as \$\$ begin new.chain := coalesce(new.region, '*'); perform pg_advisory_xact_lock(hashtextextended('audit_entry:' || new.chain, 0)); select e.chain_seq + 1, e.hash into new.chain_seq, new.prev_hash from audit_entry e where e.chain = new.chain order by e.chain_seq desc limit 1; if new.chain_seq is null then new.chain_seq := 1; new.prev_hash := '0000000000000000000000000000000000000000000000000000000000000000'; end if; new.hash := encode(sha256(convert_to(jsonb_build_array(new.prev_hash, new.chain, new.chain_seq, new.id, to_char(new.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), new.actor_id, new.actor_role, new.region, new.action, new.object_type, new.object_id, new.request_id, new.detail, new.dedupe_key)::text, 'UTF8')), 'hex'); return new; end; \$\$ language plpgsql;`,
    );
    this.addSql(`create trigger "audit_entry_chain" BEFORE INSERT on "audit_entry" for each ROW execute function "audit_entry_audit_entry_chain_fn"();`);

    // Every ledger is append-only, as the transfer ledger already was.
    this.addSql(
      `create or replace function "ledger_entry_ledger_entry_append_only_fn"() returns trigger as \$\$ begin raise exception '% is append-only', tg_table_name using errcode = '55000'; end; \$\$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "ledger_entry_append_only" BEFORE UPDATE OR DELETE on "ledger_entry" for each ROW execute function "ledger_entry_ledger_entry_append_only_fn"();`,
    );
    this.addSql(
      `create or replace function "payment_payment_append_only_fn"() returns trigger as \$\$ begin raise exception '% is append-only', tg_table_name using errcode = '55000'; end; \$\$ language plpgsql;`,
    );
    this.addSql(`create trigger "payment_append_only" BEFORE UPDATE OR DELETE on "payment" for each ROW execute function "payment_payment_append_only_fn"();`);
    this.addSql(
      `create or replace function "late_fee_waiver_late_fee_waiver_append_only_fn"() returns trigger as \$\$ begin raise exception '% is append-only', tg_table_name using errcode = '55000'; end; \$\$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "late_fee_waiver_append_only" BEFORE UPDATE OR DELETE on "late_fee_waiver" for each ROW execute function "late_fee_waiver_late_fee_waiver_append_only_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "ledger_entry_append_only" on "ledger_entry";`);
    this.addSql(`drop function if exists "ledger_entry_ledger_entry_append_only_fn"();`);
    this.addSql(`drop trigger if exists "payment_append_only" on "payment";`);
    this.addSql(`drop function if exists "payment_payment_append_only_fn"();`);
    this.addSql(`drop trigger if exists "late_fee_waiver_append_only" on "late_fee_waiver";`);
    this.addSql(`drop function if exists "late_fee_waiver_late_fee_waiver_append_only_fn"();`);
    this.addSql(`drop trigger if exists "audit_entry_chain" on "audit_entry";`);
    this.addSql(`drop function if exists "audit_entry_audit_entry_chain_fn"();`);
    this.addSql(`alter table "audit_entry" drop constraint "audit_entry_chain_link";`);
    this.addSql(`alter table "audit_entry" drop column "chain", drop column "chain_seq", drop column "prev_hash", drop column "hash";`);
  }
}
