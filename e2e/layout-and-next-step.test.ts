// Readable at 1366 and 768 px, and a case page that always says what comes next (issue 9,
// items 12 to 14), in Debian's chromium on the demo data:
// - no label or table cell of the case page, the case list, the workbench and the
//   publication preview is narrower than two characters, nor wraps a character a line;
// - the next-step card shows at every step of the procedure: with the button for the
//   reader whose step it is, and for the others whose step it is and by when;
// - each demo role's to-do list holds exactly the cases whose next step is theirs;
// - the menu names the new-case entry by what it opens (启动核查 for an investigator).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/app/demo-data.ts';
import { todayInChina } from '../src/domain/calendar-date.ts';
import { ASSESSMENT_FACTORS } from '../src/domain/vocabulary.ts';
import { HttpClient } from '../test/support/http-client.ts';
import { squeezed } from './support/layout-check.ts';
import { apiAs, CLASSIFIED, written } from '../test/support/procedure-api.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
}, 120_000);
afterAll(async () => web?.close());

const WIDTHS = [
  { name: '1366', viewport: { width: 1366, height: 768 } },
  { name: '768', viewport: { width: 768, height: 1024 } },
] as const;

/** An API client signed in as a demo user, beside the browser, to set the stage quickly. */
const api = (username: string) => apiAs(web.url, username);
const ok = written;

/** The next-step card of the case page, once the case is shown. */
async function nextStepCard(page: Page, caseId: string) {
  await page.goto(`${web.url}/cases/${caseId}`);
  const card = page.getByTestId('next-step');
  await card.getByTestId('next-step-title').waitFor();
  return card;
}

/** A button named `label`: Ant Design spaces two-character labels (受 理). */
const buttonName = (label: string) => new RegExp(`^${label.split('').join('\\s*')}$`);

describe('the next step on the case page, and the to-do list', () => {
  it('says at every step what comes next: the button for its taker, whose and by when for the others', async () => {
    const officer = await api('wangqiang');
    const investigator = await api('lina');
    const reviewer = await api('liuyang');
    const secretary = await api('zhangmin');
    const pages = new Map<string, Page>();
    const pageOf = async (username: string) => {
      if (!pages.has(username)) pages.set(username, await web.signIn(username));
      return pages.get(username)!;
    };

    /**
     * The card as the step's taker reads it (its title, 由您办理, and the button), and as
     * another reader does (the title, 由他人办理, who and by when, no step button).
     */
    const expectStep = async (
      id: string,
      step: string | RegExp,
      taker: { user: string; button: string },
      other: { user: string; who: string; when: string | RegExp },
    ) => {
      const mine = await nextStepCard(await pageOf(taker.user), id);
      await expect(mine.getByTestId('next-step-title').innerText()).resolves.toMatch(step);
      await mine.getByText('由您办理').waitFor();
      await mine.getByRole('button', { name: buttonName(taker.button) }).waitFor();
      const theirs = await nextStepCard(await pageOf(other.user), id);
      await expect(theirs.getByTestId('next-step-title').innerText()).resolves.toMatch(step);
      await theirs.getByText('由他人办理').waitFor();
      await expect(theirs.innerText()).resolves.toContain(other.who);
      await expect(theirs.getByTestId('next-step-when').innerText()).resolves.toMatch(other.when);
      expect(await theirs.getByRole('button', { name: buttonName(taker.button) }).count()).toBe(0);
    };
    const NO_LIMIT = '制度未规定本步骤的办理期限';
    const INVESTIGATORS = '调查人员（综合行政执法大队或其上级单位）';
    const SECRETARIES = '党委/党组秘书（综合行政执法大队或其上级单位）';
    const today = todayInChina(new Date());

    let c = ok(
      await officer.post('/api/v1/cases', {
        origin: 'application',
        unitId: (await officer.get('/api/v1/session')).body.user.unitId,
        title: '下一步卡片：检测报告撤回后的处罚',
        conduct: '依据第三方检测报告作出罚款决定，后报告被撤回。',
        conductDate: '2025-03-01',
        enforcementAction: 'penalty',
        ...CLASSIFIED,
      }),
    );
    const id = c.id;
    const act = async (client: HttpClient, action: string, body: Record<string, unknown> = {}) => {
      c = ok(
        await client.post(`/api/v1/cases/${id}/actions/${action}`, { version: c.version, ...body }),
      );
    };
    const put = async (client: HttpClient, path: string, body: Record<string, unknown>) => {
      c = ok(
        await client.request('PUT', `/api/v1/cases/${id}/${path}`, { version: c.version, ...body }),
      );
    };

    // 已申请: the investigators accept or refuse; the officer may withdraw meanwhile.
    await expectStep(
      id,
      '受理或不予受理',
      { user: 'lina', button: '受理' },
      {
        user: 'wangqiang',
        who: INVESTIGATORS,
        when: NO_LIMIT,
      },
    );
    const his = await nextStepCard(await pageOf('wangqiang'), id);
    await his.getByText('申请人 王强可在研究决定前撤回申请').waitFor();
    await his.getByRole('button', { name: buttonName('撤回申请') }).waitFor();

    // 调查核实中: the interview, then 完成调查核实 once the facts settle.
    await act(investigator, 'accept');
    await expectStep(
      id,
      '调查核实并记录事实',
      { user: 'lina', button: '进入引导式询问，记录事实' },
      {
        user: 'zhangmin',
        who: INVESTIGATORS,
        when: NO_LIMIT,
      },
    );
    await put(investigator, 'facts/a10.3', { value: true, note: '检测报告在卷' });
    for (const f of [...Array.from({ length: 9 }, (_, i) => `a9.${i + 1}`), 'a13.c1'])
      await put(investigator, `facts/${f}`, { value: false, note: null });
    await expectStep(
      id,
      '完成调查核实',
      { user: 'lina', button: '完成调查核实' },
      {
        user: 'wangqiang',
        who: INVESTIGATORS,
        when: NO_LIMIT,
      },
    );

    // 综合分析研判中: the assessment page, then 提请研究决定.
    await act(investigator, 'complete_investigation');
    await expectStep(
      id,
      '综合分析研判',
      { user: 'lina', button: '记录综合分析研判' },
      {
        user: 'zhangmin',
        who: INVESTIGATORS,
        when: NO_LIMIT,
      },
    );
    for (const factor of ASSESSMENT_FACTORS)
      await put(investigator, `assessment/${factor}`, { finding: `${factor}：已核实` });
    await expectStep(
      id,
      '提请研究决定',
      { user: 'lina', button: '提请研究决定' },
      {
        user: 'wangqiang',
        who: INVESTIGATORS,
        when: NO_LIMIT,
      },
    );

    // 待研究决定: the legal review the regime requires, then the committee's decision.
    await act(investigator, 'submit_for_decision');
    const review = await nextStepCard(await pageOf('liuyang'), id);
    await expect(review.getByTestId('next-step-title').innerText()).resolves.toBe('法制审核');
    await review.getByText('由您办理').waitFor();
    await review.getByRole('button', { name: '填写法制审核意见' }).waitFor();
    const waiting = await nextStepCard(await pageOf('zhangmin'), id);
    await expect(waiting.innerText()).resolves.toContain(
      '法制、纪检审核人员（综合行政执法大队或其上级单位）',
    );
    await waiting.getByText('由他人办理').waitFor();
    await put(reviewer, 'reviews/legal', {
      opinion: '事实清楚，程序合法，同意系统认定意见。',
      agrees: true,
      reviewedOn: today,
    });
    await expectStep(
      id,
      '党委（党组）研究决定',
      { user: 'zhangmin', button: '登记研究决定' },
      {
        user: 'wangqiang',
        who: SECRETARIES,
        when: NO_LIMIT,
      },
    );

    // 已作出决定: each notice with its due date.
    await act(secretary, 'record_decision', {
      meetingDate: today,
      members: ['党委书记', '局长', '纪检组长'],
      conclusion: 'no_liability',
      departureReason: null,
      relatedUnitIds: [],
    });
    await expectStep(
      id,
      '送达告知（还有1份）',
      { user: 'zhangmin', button: '送达告知' },
      {
        user: 'wangqiang',
        who: SECRETARIES,
        when: /^告知当事人 王强（截止 \d{4}年\d{1,2}月\d{1,2}日）$/,
      },
    );

    // 已告知: publish, or close once the objection period is over; the officer may object.
    const notice = c.notifications[0]!;
    await act(secretary, 'send_notification', {
      notificationId: notice.id,
      deliveryMethod: 'in_person',
      deliveredOn: today,
      deliveredTo: '王强',
    });
    await expectStep(
      id,
      '公开或办结',
      { user: 'zhangmin', button: '公开' },
      {
        user: 'wangqiang',
        who: SECRETARIES,
        when: /^异议期限至 \d{4}年/,
      },
    );
    const objecting = await nextStepCard(await pageOf('wangqiang'), id);
    await objecting.getByText(/当事人 王强可在 \d{4}年\d{1,2}月\d{1,2}日 前提出异议/).waitFor();
    await objecting.getByRole('button', { name: buttonName('提出异议') }).waitFor();

    // 已公开: nobody's to take until the objection period ends; it says from when.
    await act(secretary, 'publish', { scope: '本单位' });
    for (const user of ['zhangmin', 'wangqiang']) {
      const card = await nextStepCard(await pageOf(user), id);
      await expect(card.getByTestId('next-step-title').innerText()).resolves.toBe(
        '异议期限届满后办结',
      );
      await card.getByText('由他人办理').waitFor();
      await expect(card.getByTestId('next-step-when').innerText()).resolves.toMatch(
        /起可以办理；.*(异议期限|公示期)至 /,
      );
      await expect(card.innerText()).resolves.toContain(SECRETARIES);
    }

    // An ended case says why nothing comes next.
    const other = ok(
      await officer.post('/api/v1/cases', {
        origin: 'application',
        unitId: (await officer.get('/api/v1/session')).body.user.unitId,
        title: '下一步卡片：撤回的申请',
        conduct: '详见申请书',
        conductDate: '2025-03-01',
        enforcementAction: 'penalty',
      }),
    );
    ok(
      await officer.post(`/api/v1/cases/${other.id}/actions/withdraw`, { version: other.version }),
    );
    const ended = await nextStepCard(await pageOf('wangqiang'), other.id);
    await expect(ended.getByTestId('next-step-title').innerText()).resolves.toBe('程序已终结');
    await ended.getByText('申请人已撤回申请，认定程序终结').waitFor();
    for (const page of pages.values()) await page.context().close();
  }, 240_000);

  it('lists on each role’s workbench exactly the cases whose next step is theirs', async () => {
    for (const { username } of DEMO_USERS) {
      const client = await api(username);
      const readable = (await client.get('/api/v1/cases?limit=200')).body.items ?? [];
      const theirs: string[] = [];
      for (const { id, number } of readable as { id: string; number: string }[]) {
        const c = (await client.get(`/api/v1/cases/${id}`)).body;
        if (c.nextStep.yours) theirs.push(number);
        // A case that has ended is nobody's to do.
        if (/^(closed|refused|withdrawn)$/.test(c.state)) expect(c.nextStep.yours).toBe(false);
      }
      const page = await web.signIn(username);
      const card = page.locator('.ant-card').filter({ hasText: '我的待办' });
      if ((await card.count()) === 0) {
        // The administrators have no to-do list: they work on no case.
        expect(theirs, username).toEqual([]);
      } else {
        await card.locator('.ant-table').waitFor();
        const rows = card.locator('.ant-table-tbody tr.ant-table-row');
        const listed = (await rows.locator('td:first-child').allInnerTexts()).map((t) => t.trim());
        expect(listed.sort(), username).toEqual(theirs.sort());
      }
      await page.context().close();
    }
  }, 180_000);

  it('names the menu entry by the form it opens: 启动核查 for an investigator', async () => {
    const investigator = await web.signIn('lina', { width: 1366, height: 768 });
    await investigator.getByRole('menuitem', { name: '启动核查' }).click();
    await investigator.getByText('单位启动核查').first().waitFor();
    expect(await investigator.getByRole('menuitem', { name: '提出容错认定申请' }).count()).toBe(0);
    const officer = await web.signIn('wangqiang', { width: 1366, height: 768 });
    await officer.getByRole('menuitem', { name: '提出容错认定申请' }).waitFor();
    expect(await officer.getByRole('menuitem', { name: '启动核查' }).count()).toBe(0);
    await investigator.context().close();
    await officer.context().close();

    // An account holding both roles gets both entries, each opening its own form.
    const chosen = 'Xilin#Gol2026';
    const unitId = (await (await api('wangqiang')).get('/api/v1/session')).body.user.unitId;
    const created = ok(
      await (
        await api('sysadmin')
      ).post('/api/v1/users', {
        username: 'both.menu',
        displayName: '双角色',
        unitId,
        password: chosen,
      }),
    );
    ok(
      await (
        await api('secadmin')
      ).request('PUT', `/api/v1/users/${created.id}/roles`, {
        roles: ['officer', 'investigator'],
      }),
    );
    const both = new HttpClient(web.url);
    both.csrfToken = (
      await both.post('/api/v1/session', { username: 'both.menu', password: chosen })
    ).body.csrfToken;
    ok(
      await both.request('PUT', '/api/v1/session/password', {
        current: chosen,
        next: DEMO_PASSWORD,
      }),
    );
    const page = await web.signIn('both.menu', { width: 1366, height: 768 });
    await page.getByRole('menuitem', { name: '启动核查' }).click();
    await page.getByText('单位启动核查').first().waitFor();
    await page.getByRole('menuitem', { name: '提出容错认定申请' }).click();
    await page.getByRole('button', { name: /提交申请/ }).waitFor();
    expect(await page.getByLabel('被核查的执法人员').count()).toBe(0);
    await page.context().close();
  }, 60_000);
});

/** A case whose conduct is a long paragraph, as applications are; made once. */
let long: string | undefined;
async function longCase(): Promise<string> {
  if (long) return long;
  const officer = await api('wangqiang');
  const opened = ok(
    await officer.post('/api/v1/cases', {
      origin: 'application',
      unitId: (await officer.get('/api/v1/session')).body.user.unitId,
      title: '危险化学品经营许可延续审查中未发现企业提供的虚假安全评价报告（补充材料）',
      conduct: '本人依据企业提交的安全评价报告、检测报告和现场核查记录作出准予延续的决定。'.repeat(
        12,
      ),
      conductDate: '2025-03-01',
      enforcementAction: 'license',
    }),
  );
  long = opened.id;
  return long;
}

describe('readable at 1366 and 768 px', () => {
  it.each(WIDTHS)(
    'squeezes no label or cell to less than two characters at $name px',
    async ({ viewport }) => {
      const secretary = await web.signIn('zhangmin', viewport);
      // The demo's decided case (notified by the first run of this test).
      const decided = await web.app.ctx.db
        .selectFrom('cases')
        .select('id')
        .where('title', '=', '依据检测报告作出行政处罚后检测机构撤回报告')
        .executeTakeFirstOrThrow();

      // The workbench: the to-do list.
      await secretary
        .locator('.ant-card')
        .filter({ hasText: '我的待办' })
        .locator('.ant-table-row')
        .first()
        .waitFor();
      expect(await squeezed(secretary), 'workbench').toEqual([]);

      // The case list.
      await secretary.goto(`${web.url}/cases`);
      await secretary.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      expect(await squeezed(secretary), 'case list').toEqual([]);

      // The case page: its header and next step, on the decided case and on one whose
      // conduct runs long (the text that squeezed the header's first column at 1366 px).
      const card = await nextStepCard(secretary, decided.id);
      await card.waitFor();
      expect(await squeezed(secretary), 'case page').toEqual([]);
      await nextStepCard(secretary, await longCase());
      expect(await squeezed(secretary), 'case page, long conduct').toEqual([]);

      // The publication preview, on a case that is notified.
      const client = await api('zhangmin');
      let c = (await client.get(`/api/v1/cases/${decided.id}`)).body;
      for (const n of c.notifications as { id: string; sentOn: string | null }[]) {
        if (n.sentOn) continue;
        c = ok(
          await client.post(`/api/v1/cases/${decided.id}/actions/send_notification`, {
            version: c.version,
            notificationId: n.id,
            deliveryMethod: 'in_person',
            deliveredOn: todayInChina(new Date()),
            deliveredTo: '签收人',
          }),
        );
      }
      const notified = await nextStepCard(secretary, decided.id);
      await notified.getByRole('button', { name: buttonName('公开') }).click();
      const dialog = secretary.getByRole('dialog');
      await dialog.getByTestId('publication-preview').waitFor();
      expect(await squeezed(secretary, '.ant-modal'), 'publication preview').toEqual([]);
      await secretary.context().close();
    },
    120_000,
  );
});
