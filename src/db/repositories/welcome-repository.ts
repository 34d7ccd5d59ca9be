import type { JoinResult, WelcomeRepository, WelcomeSettings, WelcomeState, WelcomeStep } from "../../core/welcome/welcome-types";
import { DEFAULT_WELCOME_SETTINGS, WELCOME_STEPS } from "../../core/welcome/welcome-types";
import type { Db } from "../db-types";

interface Row {
  community_id: string;
  member_id: string;
  welcomed_at: Date;
  left_at: Date | null;
  round: number;
  step: string;
  answers: Partial<Record<WelcomeStep, string[]>>;
  finished_at: Date | null;
}

const FIRST: WelcomeStep = WELCOME_STEPS[0];

const toState = (r: Row): WelcomeState => ({
  communityId: r.community_id, memberId: r.member_id, welcomedAt: r.welcomed_at, leftAt: r.left_at, round: r.round,
  step: r.step as WelcomeState["step"], answers: r.answers ?? {}, finishedAt: r.finished_at,
});

/** Members' welcomes in SQL; each change is one statement, so two events or presses at once cannot both win. */
export class PrismaWelcomeRepository implements WelcomeRepository {
  constructor(private readonly db: Db) {}

  async claim(communityId: string, memberId: string, now: Date, rejoinDays: number): Promise<Exclude<JoinResult, "off">> {
    const cutoff = new Date(now.getTime() - rejoinDays * 86_400_000);
    // A first join inserts; a return long after leaving starts afresh; anything else changes nothing here.
    const claimed = await this.db.$executeRaw`
      INSERT INTO welcomes (community_id, member_id, welcomed_at, step) VALUES (${communityId}::uuid, ${memberId}::uuid, ${now}, ${FIRST})
      ON CONFLICT (community_id, member_id) DO UPDATE SET welcomed_at = EXCLUDED.welcomed_at, left_at = NULL, round = welcomes.round + 1,
        step = EXCLUDED.step, answers = '{}'::jsonb, finished_at = NULL
      WHERE welcomes.left_at IS NOT NULL AND welcomes.left_at < ${cutoff}`;
    if (claimed > 0) return "welcomed";
    // Back within the window: here again, and not welcomed twice.
    const back = await this.db.$executeRaw`UPDATE welcomes SET left_at = NULL
      WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid AND left_at IS NOT NULL`;
    return back > 0 ? "rejoined" : "already";
  }

  async reopen(communityId: string, memberId: string, now: Date): Promise<WelcomeState> {
    const [row] = await this.db.$queryRaw<Row[]>`
      INSERT INTO welcomes (community_id, member_id, welcomed_at, step) VALUES (${communityId}::uuid, ${memberId}::uuid, ${now}, ${FIRST})
      ON CONFLICT (community_id, member_id) DO UPDATE SET round = welcomes.round + 1, step = EXCLUDED.step, answers = '{}'::jsonb
      RETURNING *`;
    return toState(row!);
  }

  async get(communityId: string, memberId: string): Promise<WelcomeState | null> {
    const [row] = await this.db.$queryRaw<Row[]>`SELECT * FROM welcomes WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid`;
    return row ? toState(row) : null;
  }

  async answer(communityId: string, memberId: string, round: number, step: WelcomeStep, values: string[], next: WelcomeStep | "done", now: Date): Promise<boolean> {
    const n = await this.db.$executeRaw`
      UPDATE welcomes SET answers = answers || jsonb_build_object(${step}::text, ${JSON.stringify(values)}::jsonb), step = ${next},
        finished_at = CASE WHEN ${next} = 'done' THEN coalesce(finished_at, ${now}) ELSE finished_at END
      WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid AND round = ${round} AND NOT (answers ? ${step}::text)`;
    return n > 0;
  }

  async left(communityId: string, memberId: string, now: Date): Promise<void> {
    await this.db.$executeRaw`UPDATE welcomes SET left_at = ${now} WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid`;
  }

  async settings(communityId: string): Promise<WelcomeSettings> {
    const [row] = await this.db.$queryRaw<{ enabled: boolean; text: string | null; norms_url: string | null }[]>`
      SELECT enabled, text, norms_url FROM welcome_settings WHERE community_id = ${communityId}::uuid`;
    return row ? { enabled: row.enabled, text: row.text, normsUrl: row.norms_url } : { ...DEFAULT_WELCOME_SETTINGS };
  }

  async updateSettings(communityId: string, patch: Partial<WelcomeSettings>): Promise<WelcomeSettings> {
    const next = { ...(await this.settings(communityId)), ...patch };
    await this.db.$executeRaw`
      INSERT INTO welcome_settings (community_id, enabled, text, norms_url) VALUES (${communityId}::uuid, ${next.enabled}, ${next.text}, ${next.normsUrl})
      ON CONFLICT (community_id) DO UPDATE SET enabled = EXCLUDED.enabled, text = EXCLUDED.text, norms_url = EXCLUDED.norms_url`;
    return next;
  }
}
