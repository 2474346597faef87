// official-client.test.mjs: the demo instance in serve.py, driven by Adobe's own JS client (npm workfront-api
// 6.2.0, NodeApi). If the official client can sign in, page, count and edit against the demo, and sees the same
// refusals it would see from Workfront, then the demo speaks Workfront's protocol and not only our own dialect.
// Run: cd tests && node --test conformance/
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { NodeApi } from 'workfront-api';
import { DEMO, startServer } from '../lib/serve.mjs';

const USERS = 1234;
let srv;

before(async () => { srv = await startServer({ users: USERS }); });
after(async () => { await srv?.stop(); });

function client(extra = {}) {
  return new NodeApi({ url: srv.url, version: '19.0', ...extra });
}

async function adminApi() {
  const api = client();
  await api.getApiKey(DEMO.adminEmail, DEMO.password);
  return api;
}

async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('expected the call to be rejected');
}

describe('authentication', () => {
  test('getApiKey generates a key once, then returns the same key', async () => {
    assert.equal((await srv.control.user(DEMO.adminID)).hasApiKey, false, 'the demo admin starts without a key');
    const key = await client().getApiKey(DEMO.adminEmail, DEMO.password);
    assert.match(key, /^[0-9a-f]{32}$/);
    const again = await client().getApiKey(DEMO.adminEmail, DEMO.password);
    assert.equal(again, key, 'getApiKey must not replace an existing key');
    assert.equal((await srv.control.user(DEMO.adminID)).hasApiKey, true);
  });

  test('a wrong password is rejected with 401', async () => {
    const e = await rejection(client().getApiKey(DEMO.adminEmail, 'not-the-password'));
    assert.equal(e.status, 401);
    assert.match(e.message, /username\/password/);
  });

  test('an SSO-only admin cannot use a password', async () => {
    const e = await rejection(client().login(DEMO.ssoEmail, DEMO.password));
    assert.equal(e.status, 401);
    assert.match(e.message, /SSO/);
  });

  test('login gives a session that works for searches, logout ends it', async () => {
    const api = client();
    const data = await api.login(DEMO.adminEmail, DEMO.password);
    assert.equal(data.userID, DEMO.adminID);
    assert.match(data.sessionID, /^[0-9a-f]{32}$/);
    const me = await api.get('USER', '$$USER', ['isAdmin', 'emailAddr']);
    assert.equal(me.ID, DEMO.adminID);
    assert.equal(me.isAdmin, true);
    const sessionID = data.sessionID;
    await api.logout();
    const stale = client();
    stale.setSessionID(sessionID);
    const e = await rejection(stale.count('USER', {}));
    assert.equal(e.status, 401);
  });

  test('a request without credentials is rejected', async () => {
    const e = await rejection(client().count('USER', {}));
    assert.equal(e.status, 401);
  });
});

describe('reading users', () => {
  test('count matches the tenant, with and without filters', async () => {
    const api = await adminApi();
    assert.equal(await api.count('USER', {}), USERS);
    const active = await api.count('USER', { isActive: true });
    const inactive = await api.count('USER', { isActive: false });
    assert.equal(active + inactive, USERS);
    assert.ok(inactive > 0 && active > inactive);
  });

  test('paging with $$FIRST/$$LIMIT and ID_Sort=asc returns every user exactly once', async () => {
    const api = await adminApi();
    const seen = new Set();
    let previous = '';
    for (let first = 0; first < USERS; first += 500) {
      const page = await api.search('USER', { $$FIRST: first, $$LIMIT: 500, ID_Sort: 'asc' },
        ['ID', 'name', 'emailAddr', 'isActive', 'lastLoginDate']);
      assert.ok(page.length <= 500);
      for (const u of page) {
        assert.equal(u.objCode, 'USER');
        assert.equal(typeof u.isActive, 'boolean');
        assert.ok(u.ID > previous, 'IDs ascend across pages');
        previous = u.ID;
        seen.add(u.ID);
      }
    }
    assert.equal(seen.size, USERS);
  });

  test('$$LIMIT above 2000 is rejected, 2000 is allowed', async () => {
    const api = await adminApi();
    const e = await rejection(api.search('USER', { $$LIMIT: 2001 }, ['ID']));
    assert.equal(e.status, 422);
    assert.match(e.message, /2000/);
    assert.equal((await api.search('USER', { $$LIMIT: 2000 }, ['ID'])).length, USERS);
  });

  test('an unknown field is rejected', async () => {
    const api = await adminApi();
    const e = await rejection(api.search('USER', {}, ['noSuchField']));
    assert.equal(e.status, 422);
    assert.match(e.message, /noSuchField/);
  });

  test('search through a POST body (useHttpPost) works like GET', async () => {
    const api = await adminApi();
    const page = await api.search('USER', { $$LIMIT: 5, ID_Sort: 'asc' }, ['ID'], true);
    assert.deepEqual(page.map((u) => u.ID).slice(0, 2), [DEMO.ownerID, DEMO.adminID]);
  });

  test('open work of a user can be counted', async () => {
    const api = await adminApi();
    const [someone] = await srv.control.users({ limit: 1, special: false });
    const open = await api.count('TASK', { assignedToID: someone.ID, status: 'CPL', status_Mod: 'notin' });
    const all = await api.count('TASK', { assignedToID: someone.ID });
    assert.ok(open <= all);
    assert.equal(typeof (await api.count('OPTASK', { assignedToID: someone.ID })), 'number');
    assert.equal(typeof (await api.count('PROJ', { ownerID: someone.ID, status: 'CUR' })), 'number');
  });
});

describe('changing users', () => {
  test('edit sets isActive and answers the updated object', async () => {
    const api = await adminApi();
    const [target] = await srv.control.users({ limit: 1, isActive: true, isAdmin: false, special: false });
    const updated = await api.edit('USER', target.ID, { isActive: false }, ['isActive', 'emailAddr']);
    assert.equal(updated.ID, target.ID);
    assert.equal(updated.isActive, false);
    assert.equal(updated.emailAddr, target.emailAddr);
    assert.equal((await srv.control.user(target.ID)).isActive, false);
    const back = await api.edit('USER', target.ID, { isActive: true }, ['isActive']);
    assert.equal(back.isActive, true);
    assert.equal((await srv.control.user(target.ID)).isActive, true);
  });

  test('editMultiple changes several users in one call', async () => {
    const api = await adminApi();
    const targets = await srv.control.users({ limit: 3, offset: 10, isActive: true, special: false });
    assert.equal(targets.length, 3);
    const result = await api.editMultiple('USER', targets.map((t) => ({ ID: t.ID, isActive: false })), ['isActive']);
    assert.deepEqual(result.map((u) => [u.ID, u.isActive]), targets.map((t) => [t.ID, false]));
    for (const t of targets) assert.equal((await srv.control.user(t.ID)).isActive, false);
  });

  test('the Admin Email user cannot be deactivated, alone or in a bulk call', async () => {
    const api = await adminApi();
    const e = await rejection(api.edit('USER', DEMO.ownerID, { isActive: false }));
    assert.equal(e.status, 422);
    assert.match(e.message, /Admin Email user cannot be deactivated/);
    const [other] = await srv.control.users({ limit: 1, offset: 20, isActive: true, special: false });
    const bulk = await rejection(api.editMultiple('USER', [{ ID: other.ID, isActive: false }, { ID: DEMO.ownerID, isActive: false }]));
    assert.equal(bulk.status, 422);
    assert.equal((await srv.control.user(other.ID)).isActive, true, 'a refused bulk call changes nobody');
    assert.equal((await srv.control.user(DEMO.ownerID)).isActive, true);
  });

  test('more than 100 objects in one bulk call are rejected', async () => {
    const api = await adminApi();
    const many = await srv.control.users({ limit: 101, special: false, isActive: true });
    const e = await rejection(api.editMultiple('USER', many.map((u) => ({ ID: u.ID, isActive: false }))));
    assert.equal(e.status, 422);
    assert.equal((await srv.control.user(many[0].ID)).isActive, true);
  });

  test('a non-admin cannot deactivate someone else', async () => {
    const api = client();
    await api.login(DEMO.userEmail, DEMO.password);
    const [target] = await srv.control.users({ limit: 1, offset: 30, isActive: true, special: false });
    const e = await rejection(api.edit('USER', target.ID, { isActive: false }));
    assert.equal(e.status, 403);
    assert.equal((await srv.control.user(target.ID)).isActive, true);
  });

  test('batch runs several calls in one request', async () => {
    const api = await adminApi();
    const [count, page, me] = await api.batch((b) => [
      b.count('USER', { isActive: true }),
      b.search('USER', { $$LIMIT: 2, ID_Sort: 'asc' }, ['isActive']),
      b.get('USER', DEMO.adminID),
    ]);
    assert.equal(typeof count.count, 'number');
    assert.deepEqual(page.map((u) => u.ID), [DEMO.ownerID, DEMO.adminID]);
    assert.equal(me.ID, DEMO.adminID);
    const e = await rejection(api.batch((b) => [b.count('USER', {}), b.search('USER', { $$LIMIT: 2001 })], true));
    assert.equal(e.status, 422);
  });

  test('clearApiKey revokes the key', async () => {
    const api = client();
    await api.login(DEMO.userEmail, DEMO.password);
    const key = await client().getApiKey(DEMO.userEmail, DEMO.password);
    const withKey = client({ apiKey: key });
    assert.equal(await withKey.count('USER', {}), USERS);
    await withKey.clearApiKey();
    const e = await rejection(client({ apiKey: key }).count('USER', {}));
    assert.equal(e.status, 401);
  });
});
